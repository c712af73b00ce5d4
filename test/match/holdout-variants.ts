/**
 * A hold-out set of column headers written the way statisticians in Zhejiang 发改 / 经信 offices
 * type them in their own workbooks, each labelled with the official input field it stands for, or
 * null when a careful reader would agree it must not be taken for any input.
 *
 * It was written independently: only from the issued document (附件2, 附件3 and the definitions in
 * 附件4) and the field ids in src/rules/annual.ts and src/rules/acceptance.ts, without looking at the
 * header matcher, its word lists, or the earlier hand-written set (hand-variants.ts). It is meant to
 * measure the matcher on wording it was not tuned on, so do not tune the matcher against it.
 *
 * What it contains, per evaluation:
 * - inputs in everyday wording: abbreviations (营收, 规上, 新基建, 双创团队, 公服…), units in half- or
 *   full-width brackets, in 万元 instead of 亿元, or left out, line breaks inside a header, numbers
 *   written in Chinese (五十亿, 百亿, 五百强, 十强), yes/no items as questions (是否…, 有无…) or nouns;
 * - two-row headers: `parent` is the upper header as people write it, `header` the sub-item
 *   beneath it (完成值, 其中 fragments such as 50亿元以上 / 国家级 / 团队);
 * - must-not-match columns: near-miss figures (上年同期, 增幅, 计划, 目标, 排名, 完成率, 预计全年,
 *   amounts where a share is asked, lower tiers such as 市级, other evaluation's inputs), and the
 *   unrelated columns offices keep (平台名称, 所属区县, 联系人, 备注, 规划面积, 税收总额…).
 * No parent header has two sub-items standing for the same field.
 */
import type { HandVariant } from './hand-variants';

const annual = (header: string, field: string | null, parent = ''): HandVariant => ({ evaluation: 'annual', header, parent, field });
const acceptance = (header: string, field: string | null, parent = ''): HandVariant => ({ evaluation: 'acceptance', header, parent, field });

export const holdoutVariants: readonly HandVariant[] = [
  // ───────────────────────── 附件3 年度评价 ─────────────────────────

  // 1 年度工业产值或者营业收入
  annual('规上工业产值\n(亿元)', 'annualOutput'),
  annual('全年营收(亿元)', 'annualOutput'),
  annual('年度营业收入(万元)', 'annualOutput'),
  annual('1-12月', 'annualOutput', '平台工业总产值(万元)'),
  annual('去年同期', null, '平台工业总产值(万元)'),
  annual('增幅(%)', null, '平台工业总产值(万元)'),
  annual('实际完成', 'annualOutput', '营业收入(亿元)'),
  annual('年度目标', null, '营业收入(亿元)'),
  annual('全市排名', null, '营业收入(亿元)'),
  annual('数值', 'annualOutput', '年度工业产值或营业收入(亿元)'),
  annual('得分', null, '年度工业产值或营业收入(亿元)'),
  annual('工业增加值(亿元)', null),
  annual('预计全年产值(亿元)', null),

  // 2 主导产业集聚度
  annual('主导产业占工业总产值比重(%)', 'clusterShare'),
  annual('主导产业集聚度%', 'clusterShare'),
  annual('占比(%)', 'clusterShare', '主导产业产值'),
  annual('绝对值(亿元)', null, '主导产业产值'),
  annual('主导产业', null),
  annual('主导产业产值(亿元)', null),

  // 3 年度引进标志性项目
  annual('50亿元以上', 'projects50', '引进标志性项目(个)'),
  annual('100亿元以上', 'projects100', '引进标志性项目(个)'),
  annual('技术领先型/领军企业投资', 'leadingProjects', '引进标志性项目(个)'),
  annual('合计', null, '引进标志性项目(个)'),
  annual('五十亿元以上项目(个)', 'projects50'),
  annual('百亿级项目(个)', 'projects100'),
  annual('技术领先型项目\n或领军企业投资项目(个)', 'leadingProjects'),
  annual('10亿元以上项目(个)', null),

  // 4 年度产业项目投资总额
  annual('产业项目投资\n(亿元)', 'annualInvestment'),
  annual('本年度产业投资额(万元)', 'annualInvestment'),
  annual('全年完成', 'annualInvestment', '产业项目投资(亿元)'),
  annual('年度计划', null, '产业项目投资(亿元)'),
  annual('完成率(%)', null, '产业项目投资(亿元)'),
  annual('平台设立以来累计产业投资(亿元)', null),

  // 4, 9, 10 in one two-row block
  annual('产业项目', 'annualInvestment', '年度投资完成情况(亿元)'),
  annual('基础设施', 'annualInfrastructure', '年度投资完成情况(亿元)'),
  annual('其中:新型基础设施', 'annualNewInfrastructure', '年度投资完成情况(亿元)'),
  annual('合计', null, '年度投资完成情况(亿元)'),

  // 5 年度引进领军型企业
  annual('世界500强/全球行业前十', 'world500', '引进领军型企业(家)'),
  annual('中国500强', 'china500', '引进领军型企业(家)'),
  annual('国内行业前10', 'domesticTop10', '引进领军型企业(家)'),
  annual('企业名称', null, '引进领军型企业(家)'),
  annual('引进世界五百强企业(家)', 'world500'),
  annual('中国企业500强(家)', 'china500'),
  annual('国内行业十强企业(家)', 'domesticTop10'),
  annual('规上企业数(家)', null),

  // 6 年度引进创新机构和平台
  annual('国内外知名高校或研发机构', 'institutes', '引进创新机构和平台(家)'),
  annual('公共技术服务平台', 'servicePlatforms', '引进创新机构和平台(家)'),
  annual('省级以上孵化器/加速器/众创空间', 'incubators', '引进创新机构和平台(家)'),
  annual('知名研发机构/高校(家)', 'institutes'),
  annual('公共技术服务\n平台(家)', 'servicePlatforms'),
  annual('省级及以上众创空间、孵化器(家)', 'incubators'),
  annual('市级孵化器(家)', null),
  annual('高企数(家)', null),

  // 7 年度引进高层次人才和团队
  annual('引进高层次人才\n(人)', 'talents'),
  annual('高层次人才', 'talents', '引进人才和团队'),
  annual('创新创业团队', 'teams', '引进人才和团队'),
  annual('引进双创团队(个)', 'teams'),
  annual('从业人员数(人)', null),
  annual('R&D人员(人)', null),

  // 8 设立专项产业基金
  annual('平台专项基金数(支)', 'funds'),
  annual('数量(支)', 'funds', '设立专项产业基金'),
  annual('基金规模(亿元)', null, '设立专项产业基金'),

  // 9 年度基础设施投资总额, 10 年度新型基础设施投资总额
  annual('“九通一平”等基础设施投资(亿元)', 'annualInfrastructure'),
  annual('基础设施投资\n总额(万元)', 'annualInfrastructure'),
  annual('本年', 'annualInfrastructure', '基础设施投资(亿元)'),
  annual('增速(%)', null, '基础设施投资(亿元)'),
  annual('新基建投资额(亿元)', 'annualNewInfrastructure'),
  annual('5G、工业互联网等新型基础设施投资(亿元)', 'annualNewInfrastructure'),
  annual('完成值', 'annualNewInfrastructure', '新型基础设施投资(亿元)'),
  annual('目标值', null, '新型基础设施投资(亿元)'),
  annual('规划面积(平方公里)', null),
  annual('建成区面积(平方公里)', null),

  // 11 组织管理
  annual('是否成立领导小组', 'leadingGroup'),
  annual('领导小组', 'leadingGroup', '组织管理'),
  annual('管理机构(是/否)', 'managementAgency', '组织管理'),
  annual('有无专门管理机构', 'managementAgency'),
  annual('专业化运营团队', 'operationTeam', '组织管理'),
  annual('是否组建专业运营团队', 'operationTeam'),
  annual('挂牌情况', 'signage', '组织管理'),
  annual('平台是否挂牌', 'signage'),

  // 12 政策制定
  annual('出台平台专项政策(项)', 'specialPolicies'),
  annual('专项政策', 'specialPolicies', '政策制定(项)'),
  annual('相关政策', 'relatedPolicies', '政策制定(项)'),
  annual('政策文件名称', null, '政策制定(项)'),
  annual('出台相关配套政策(项)', 'relatedPolicies'),

  // 13 平台活动开展
  annual('举办论坛/峰会/博览会/招商推介(次)', 'activities'),
  annual('招商推介等活动(次)', 'activities', '平台活动开展'),
  annual('是否建成展示厅', 'showroom', '平台活动开展'),
  annual('平台展厅(是/否)', 'showroom'),

  // 14 信息资料报送
  annual('迟报、漏报(次)', 'lateReports'),
  annual('迟报/漏报次数', 'lateReports', '信息资料报送'),
  annual('按时报送次数', null, '信息资料报送'),

  // 15 制定年度计划
  annual('是否制定年度工作计划', 'annualPlan'),
  annual('年度计划及任务分工(有/无)', 'annualPlan'),

  // columns offices keep that are no annual input (some are acceptance inputs)
  annual('平台名称', null),
  annual('所属区县', null),
  annual('平台类型', null),
  annual('联系人', null),
  annual('联系电话', null),
  annual('填表人', null),
  annual('备注', null),
  annual('数据来源', null),
  annual('税收总额(亿元)', null),
  annual('研发投入(亿元)', null),
  annual('亩均税收(万元/亩)', null),
  annual('高新技术产业产值占比(%)', null),
  annual('自评得分', null),

  // ───────────────────────── 附件2 验收评价 ─────────────────────────

  // 1 工业总产值或营业总收入
  acceptance('工业总产值/营业总收入(亿元)', 'output'),
  acceptance('规上工业总产值(万元)', 'output'),
  acceptance('实绩', 'output', '营业总收入(亿元)'),
  acceptance('千亿目标', null, '营业总收入(亿元)'),
  acceptance('目标达成率(%)', null, '营业总收入(亿元)'),
  acceptance('全省排名', null, '营业总收入(亿元)'),
  acceptance('工业增加值(亿元)', null),

  // 2 主导产业集聚度
  acceptance('主导产业\n集聚度(%)', 'clusterShare'),
  acceptance('主导产业产值占全部产值比重', 'clusterShare'),
  acceptance('主导产业名称', null),

  // 3 高新技术产业产值(营业收入)占比
  acceptance('高新技术产业产值占工业总产值比重(%)', 'hiTechShare'),
  acceptance('高新产业营收占比', 'hiTechShare'),
  acceptance('高新技术产业产值(亿元)', null),
  acceptance('高新技术企业数(家)', null),

  // 4 亩均税收
  acceptance('亩均税收(万元)', 'taxPerMu'),
  acceptance('单位用地税收\n(万元/亩)', 'taxPerMu'),
  acceptance('税收总额(亿元)', null),
  acceptance('亩均增加值(万元/亩)', null),

  // 5 单位增加值综合能耗 (and the standard it is held to)
  acceptance('万元增加值综合能耗(tce/万元)', 'energy'),
  acceptance('平台实际', 'energy', '单位增加值综合能耗(吨标煤/万元)'),
  acceptance('国际标准值', 'benchmark', '单位增加值综合能耗(吨标煤/万元)'),
  acceptance('下降率(%)', null, '单位增加值综合能耗(吨标煤/万元)'),
  acceptance('能耗对照基准值(吨标煤/万元)', 'benchmark'),
  acceptance('综合能耗总量(万吨标煤)', null),

  // 6 累计引进标志性项目
  acceptance('投资50亿元以上', 'projects50', '累计引进标志性项目(个)'),
  acceptance('投资100亿元以上', 'projects100', '累计引进标志性项目(个)'),
  acceptance('技术领先型或领军企业投资', 'leadingProjects', '累计引进标志性项目(个)'),
  acceptance('小计', null, '累计引进标志性项目(个)'),
  acceptance('累计引进50亿以上项目(项)', 'projects50'),
  acceptance('累计百亿以上项目(个)', 'projects100'),
  acceptance('行业领军企业投资项目(项)', 'leadingProjects'),

  // 7 累计产业项目投资总额
  acceptance('累计完成产业项目投资(亿元)', 'investment'),
  acceptance('产业项目投资累计(万元)', 'investment'),
  acceptance('当年产业项目投资(亿元)', null),

  // 7, 14, 15 in one two-row block
  acceptance('产业项目', 'investment', '累计投资(亿元)'),
  acceptance('基础设施', 'infrastructure', '累计投资(亿元)'),
  acceptance('新基建', 'newInfrastructure', '累计投资(亿元)'),
  acceptance('合计', null, '累计投资(亿元)'),

  // 8 累计引进领军型企业数
  acceptance('世界500强或世界行业前十强', 'world500', '累计引进领军型企业(家)'),
  acceptance('中国企业500强', 'china500', '累计引进领军型企业(家)'),
  acceptance('国内行业前十强', 'domesticTop10', '累计引进领军型企业(家)'),
  acceptance('企业名单', null, '累计引进领军型企业(家)'),
  acceptance('世界五百强(家)', 'world500'),
  acceptance('中国500强企业数', 'china500'),
  acceptance('国内行业排名前十企业(家)', 'domesticTop10'),
  acceptance('省级“雄鹰企业”(家)', null),

  // 9 领军型企业产值规模
  acceptance('50亿元以上', 'firms50', '领军型企业产值规模(家)'),
  acceptance('10-50亿元', 'firms10to50', '领军型企业产值规模(家)'),
  acceptance('产值超50亿企业(家)', 'firms50'),
  acceptance('产值10亿~50亿企业数', 'firms10to50'),
  acceptance('产值十亿元以上企业(家)', null),

  // 10 R&D经费占主营业务收入比重
  acceptance('R&D经费占营收比重(%)', 'rdShare'),
  acceptance('研发投入强度\n(%)', 'rdShare'),
  acceptance('研发经费支出占主营业务收入比(%)', 'rdShare'),
  acceptance('R&D经费支出(亿元)', null),
  acceptance('R&D人员(人)', null),

  // 11 建成创新机构和平台
  acceptance('国家级', 'national', '建成创新机构和平台(个)'),
  acceptance('省级', 'provincial', '建成创新机构和平台(个)'),
  acceptance('市级', null, '建成创新机构和平台(个)'),
  acceptance('国家级研发机构及创新服务平台(个)', 'national'),
  acceptance('省级研发机构和科创平台(个)', 'provincial'),

  // 12 省级以上高层次人才和团队
  acceptance('人才(人)', 'talents', '省级以上高层次人才和团队'),
  acceptance('团队(个)', 'teams', '省级以上高层次人才和团队'),
  acceptance('引进省级以上高层次人才(名)', 'talents'),
  acceptance('省级以上创新创业团队(个)', 'teams'),
  acceptance('市级人才(人)', null),
  acceptance('从业人员(人)', null),

  // 13 设立专项产业基金
  acceptance('平台产业基金\n(支)', 'funds'),
  acceptance('设立专项产业基金数量(支)', 'funds'),
  acceptance('基金认缴规模(亿元)', null),

  // 14 基础设施投入, 15 新型基础设施投入
  acceptance('累计基础设施投入(亿元)', 'infrastructure'),
  acceptance('九通一平及生态绿化投资累计(亿元)', 'infrastructure'),
  acceptance('累计新基建投资(亿元)', 'newInfrastructure'),
  acceptance('新型基础设施投入\n(万元)', 'newInfrastructure'),
  acceptance('截至本年末', 'newInfrastructure', '累计新型基础设施投资(亿元)'),
  acceptance('上年末累计', null, '累计新型基础设施投资(亿元)'),

  // 16 公共服务设施用地占总用地比
  acceptance('公服设施用地占总用地比例(%)', 'publicLandShare'),
  acceptance('占总用地比(%)', 'publicLandShare', '公共服务设施用地'),
  acceptance('面积(亩)', null, '公共服务设施用地'),
  acceptance('总用地面积(亩)', null),
  acceptance('规划面积(平方公里)', null),
  acceptance('建成区面积(平方公里)', null),

  // 17 年度评价平均分
  acceptance('年度评价平均得分(分)', 'annualAverage'),
  acceptance('平均分', 'annualAverage', '历年年度评价得分'),
  acceptance('2022年度', null, '历年年度评价得分'),
  acceptance('验收自评得分', null),

  // annual-only items in an acceptance workbook: no acceptance input
  acceptance('是否设立领导小组', null),
  acceptance('迟报漏报次数', null),
  acceptance('年度工作计划(有/无)', null),

  // columns offices keep
  acceptance('所属设区市', null),
  acceptance('平台名称', null),
  acceptance('联系人及电话', null),
  acceptance('备注', null),
  acceptance('数据来源', null),
  acceptance('同比增长(%)', null),
];
