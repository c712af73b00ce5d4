/**
 * A second hold-out set of column headers, written independently of the header matcher, its
 * vocabulary and the other hand-written sets. The headers imitate how statisticians in county and
 * city 发改局 / 经信局 offices and 开发区管委会 type them in their own workbooks: 规上 / 规模以上,
 * 营收, 万元 instead of 亿元, units such as (个)/(家)/(项) in brackets, full-width brackets, line
 * breaks, numbering such as "1." "(1)" "一、" in front, Chinese numerals, 截至年底 / 本年 / 本期
 * qualifiers, yes/no items written as 已/未 answers, and two-row headers (an indicator name above
 * its sub-items, or an indicator name above a plain 数值 cell).
 *
 * Each header is labelled with the official input field it stands for (附件2 / 附件3 of
 * 衢政办发〔2020〕28号), or null when a careful reader would agree it is no official input: a near
 * miss (上年, 同比, 计划, 目标, 排名, 增速, 完成率, 预计, a component instead of the ratio, a
 * cumulative figure in the annual table and the reverse) or an unrelated column. Genuinely
 * ambiguous headers were left out.
 */
import type { HandVariant } from './hand-variants';

const annual = (header: string, field: string | null, parent = ''): HandVariant => ({ evaluation: 'annual', header, parent, field });
const acceptance = (header: string, field: string | null, parent = ''): HandVariant => ({ evaluation: 'acceptance', header, parent, field });

export const holdout2Variants: readonly HandVariant[] = [
  // ───────────────────────── 附件3 年度评价 ─────────────────────────

  // 1 年度工业产值或者营业收入
  annual('1.规上工业总产值(亿元)', 'annualOutput'),
  annual('规模以上工业总产值\n本年累计(万元)', 'annualOutput'),
  annual('平台营业收入(万元)', 'annualOutput'),
  annual('本年', 'annualOutput', '工业总产值(亿元)'),
  annual('去年同期', null, '工业总产值(亿元)'),
  annual('同比增长(%)', null, '工业总产值(亿元)'),
  annual('上年工业总产值(亿元)', null),
  annual('规上工业增加值(亿元)', null),
  annual('预计全年产值(亿元)', null),
  annual('产值目标完成率(%)', null),

  // 2 主导产业集聚度
  annual('(2)主导产业产值占比(%)', 'clusterShare'),
  annual('主导产业产值占全部工业总产值比重\n(%)', 'clusterShare'),
  annual('主导产业产值(亿元)', null),

  // 3 年度引进标志性项目
  annual('50亿元以上', 'projects50', '3.年度引进标志性项目(个)'),
  annual('百亿元以上', 'projects100', '3.年度引进标志性项目(个)'),
  annual('技术领先型或行业领军型企业投资', 'leadingProjects', '3.年度引进标志性项目(个)'),
  annual('合计', null, '3.年度引进标志性项目(个)'),
  annual('引进五十亿元以上项目(项)', 'projects50'),
  annual('100亿元以上产业项目数(个)', 'projects100'),
  annual('技术领先型/行业领军企业投资项目(个)', 'leadingProjects'),
  annual('10亿元以上项目(个)', null),

  // 4 年度产业项目投资总额
  annual('本年产业项目完成投资(万元)', 'annualInvestment'),
  annual('数值', 'annualInvestment', '年度产业项目投资总额(亿元)'),
  annual('目标值', null, '年度产业项目投资总额(亿元)'),
  annual('增速(%)', null, '年度产业项目投资总额(亿元)'),
  annual('四、本期新增产业类项目投资(亿元)', 'annualInvestment'),
  annual('开工以来累计产业项目投资(亿元)', null),

  // 5 年度引进领军型企业
  annual('世界500强或全球行业前10强', 'world500', '年度引进领军型企业(家)'),
  annual('中国500强', 'china500', '年度引进领军型企业(家)'),
  annual('国内行业前10强', 'domesticTop10', '年度引进领军型企业(家)'),
  annual('小计', null, '年度引进领军型企业(家)'),
  annual('世界五百强/全球行业前十强企业(家)', 'world500'),
  annual('引进中国企业500强(家)', 'china500'),
  annual('国内行业十强企业(家)', 'domesticTop10'),
  annual('新增规上企业(家)', null),

  // 6 年度引进创新机构和平台
  annual('知名研发机构或高校', 'institutes', '6.年度引进创新机构和平台(家)'),
  annual('公共技术服务平台', 'servicePlatforms', '6.年度引进创新机构和平台(家)'),
  annual('孵化器、加速器、众创空间\n(省级以上)', 'incubators', '6.年度引进创新机构和平台(家)'),
  annual('引进国内外知名高校及研发机构(家)', 'institutes'),
  annual('新建公共技术服务平台(家)', 'servicePlatforms'),
  annual('省级及以上孵化器/加速器/众创空间(家)', 'incubators'),
  annual('市级众创空间(家)', null),

  // 7 年度引进高层次人才和团队
  annual('人才(名)', 'talents', '7.年度引进高层次人才和团队'),
  annual('团队(个)', 'teams', '7.年度引进高层次人才和团队'),
  annual('引进高层次人才(名)', 'talents'),
  annual('引进创业创新团队(个)', 'teams'),
  annual('引进大学生(人)', null),

  // 8 设立专项产业基金
  annual('数值', 'funds', '8.设立专项产业基金(支)'),
  annual('基金规模(亿元)', null, '8.设立专项产业基金(支)'),
  annual('设立平台产业基金(只)', 'funds'),

  // 9 年度基础设施投资总额
  annual('本年完成基础设施投资(万元)', 'annualInfrastructure'),
  annual('“九通一平”及生态绿化投资(亿元)', 'annualInfrastructure'),
  annual('基础设施投资增速(%)', null),

  // 10 年度新型基础设施投资总额
  annual('新基建投资\n(亿元)', 'annualNewInfrastructure'),
  annual('5G、工业互联网、物联网等新型基础设施投资(万元)', 'annualNewInfrastructure'),

  // 11 组织管理
  annual('领导小组(已成立/未成立)', 'leadingGroup', '11.组织管理'),
  annual('专门管理机构(有/无)', 'managementAgency', '11.组织管理'),
  annual('专业运营团队(是/否)', 'operationTeam', '11.组织管理'),
  annual('挂牌情况(已挂牌/未挂牌)', 'signage', '11.组织管理'),
  annual('是否成立平台建设领导小组', 'leadingGroup'),
  annual('专门管理机构设立情况', 'managementAgency'),
  annual('运营团队组建情况(已组建/未组建)', 'operationTeam'),
  annual('平台是否挂牌', 'signage'),
  annual('挂牌时间', null),

  // 12 政策制定
  annual('专项政策(项)', 'specialPolicies', '政策制定'),
  annual('相关政策(项)', 'relatedPolicies', '政策制定'),
  annual('政策文件名称', null, '政策制定'),
  annual('出台平台专项政策(件)', 'specialPolicies'),
  annual('制定相关政策(件)', 'relatedPolicies'),

  // 13 平台活动开展
  annual('活动次数(次)', 'activities', '13.平台活动开展'),
  annual('展示厅(有/无)', 'showroom', '13.平台活动开展'),
  annual('举办产业论坛、峰会、博览会、招商推介等活动(次)', 'activities'),
  annual('平台展示厅(已建/未建)', 'showroom'),
  annual('展示厅面积(平方米)', null),

  // 14 信息资料报送
  annual('迟报、漏报(次)', 'lateReports'),
  annual('统计报表迟报漏报次数(次)', 'lateReports'),
  annual('报送信息(篇)', null),

  // 15 制定年度计划
  annual('年度工作计划和任务分工(已制定/未制定)', 'annualPlan'),
  annual('年度计划制定情况', 'annualPlan'),
  annual('年度计划投资(亿元)', null),

  // not inputs of 附件3 (they are 附件2 inputs only)
  annual('R&D经费占比(%)', null),
  annual('单位增加值综合能耗(吨标煤/万元)', null),
  annual('产值50亿元以上企业(家)', null),
  annual('亩均税收(万元/亩)', null),

  // unrelated columns
  annual('序号', null),
  annual('平台名称', null),
  annual('所在县(市、区)', null),
  annual('产业方向', null),
  annual('平台级别', null),
  annual('批复时间', null),
  annual('联系电话', null),
  annual('备注', null),
  annual('规划面积(平方公里)', null),
  annual('注:填报口径说明', null),
  annual('年度评价得分', null),

  // ───────────────────────── 附件2 验收评价 ─────────────────────────

  // 1 工业总产值或营业总收入
  acceptance('一、规上工业总产值(亿元)', 'output'),
  acceptance('营业总收入\n(万元)', 'output'),
  acceptance('实绩', 'output', '平台工业总产值(亿元)'),
  acceptance('千亿目标', null, '平台工业总产值(亿元)'),
  acceptance('完成进度(%)', null, '平台工业总产值(亿元)'),
  acceptance('工业增加值(亿元)', null),
  acceptance('2025年产值目标(亿元)', null),

  // 2 主导产业集聚度
  acceptance('主导产业产值占工业总产值比重(%)', 'clusterShare'),
  acceptance('主导产业集聚度\n(%)', 'clusterShare'),
  acceptance('其中:主导产业产值(亿元)', null),

  // 3 高新技术产业产值(营业收入)占比
  acceptance('高新产业产值(营收)占比(%)', 'hiTechShare'),
  acceptance('其中:高新技术产业产值占工业总产值比重(%)', 'hiTechShare'),
  acceptance('高新技术产业产值(亿元)', null),

  // 4 亩均税收
  acceptance('(4)亩均税收(万元/亩)', 'taxPerMu'),
  acceptance('实际亩均税收\n(万元/亩)', 'taxPerMu'),
  acceptance('税收总额(万元)', null),
  acceptance('亩均增加值(万元/亩)', null),

  // 5 单位增加值综合能耗
  acceptance('实际值', 'energy', '单位增加值综合能耗(吨标煤/万元)'),
  acceptance('对照标准值', 'benchmark', '单位增加值综合能耗(吨标煤/万元)'),
  acceptance('下降率(%)', null, '单位增加值综合能耗(吨标煤/万元)'),
  acceptance('单位工业增加值能耗(吨标准煤/万元)', 'energy'),
  acceptance('行业国际标准值(吨标煤/万元)', 'benchmark'),
  acceptance('综合能耗总量(万吨标煤)', null),

  // 6 累计引进标志性项目
  acceptance('50亿元以上', 'projects50', '累计引进标志性项目(个)'),
  acceptance('100亿元以上', 'projects100', '累计引进标志性项目(个)'),
  acceptance('技术领先型或行业领军型企业投资', 'leadingProjects', '累计引进标志性项目(个)'),
  acceptance('累计引进50亿以上项目(项)', 'projects50'),
  acceptance('百亿元以上项目(个)', 'projects100'),
  acceptance('技术领先型或行业领军企业投资项目(个)', 'leadingProjects'),
  acceptance('亿元以上项目(个)', null),

  // 7 累计产业项目投资总额
  acceptance('截至目前累计完成产业投资(亿元)', 'investment'),
  acceptance('产业项目投资总额\n(累计,亿元)', 'investment'),
  acceptance('本年产业项目投资(亿元)', null),
  acceptance('产业投资完成率(%)', null),

  // 8 累计引进领军型企业数
  acceptance('世界500强或世界行业前10强', 'world500', '累计引进领军型企业数(家)'),
  acceptance('中国500强', 'china500', '累计引进领军型企业数(家)'),
  acceptance('国内行业前10强', 'domesticTop10', '累计引进领军型企业数(家)'),
  acceptance('合计', null, '累计引进领军型企业数(家)'),
  acceptance('世界五百强企业(家)', 'world500'),
  acceptance('中国企业五百强(家)', 'china500'),
  acceptance('国内行业前十强企业(家)', 'domesticTop10'),

  // 9 领军型企业产值规模
  acceptance('50亿元以上(家)', 'firms50', '9.领军型企业产值规模'),
  acceptance('10-50亿元(家)', 'firms10to50', '9.领军型企业产值规模'),
  acceptance('10亿元以下(家)', null, '9.领军型企业产值规模'),
  acceptance('产值超50亿元企业(家)', 'firms50'),
  acceptance('产值10亿~50亿元企业(家)', 'firms10to50'),
  acceptance('产值亿元以上企业(家)', null),

  // 10 R&D经费占主营业务收入比重
  acceptance('R&D经费支出占营业收入比重(%)', 'rdShare'),
  acceptance('研发投入占主营业务收入比(%)', 'rdShare'),
  acceptance('R&D经费支出(万元)', null),

  // 11 建成创新机构和平台
  acceptance('国家级', 'national', '建成创新机构和平台(个)'),
  acceptance('省级', 'provincial', '建成创新机构和平台(个)'),
  acceptance('市级', null, '建成创新机构和平台(个)'),
  acceptance('国家级研发机构及科技创新服务平台(个)', 'national'),
  acceptance('省级研发机构和创新服务平台(个)', 'provincial'),
  acceptance('有效发明专利数(件)', null),

  // 12 省级以上高层次人才和团队
  acceptance('人才(人)', 'talents', '省级以上高层次人才和团队'),
  acceptance('团队(个)', 'teams', '省级以上高层次人才和团队'),
  acceptance('截至目前引进省级以上高层次人才(人)', 'talents'),
  acceptance('引进创新创业团队数(个)', 'teams'),
  acceptance('就业人数(人)', null),

  // 13 设立专项产业基金
  acceptance('数值', 'funds', '13.设立专项产业基金(支)'),
  acceptance('设立平台专项产业基金(支)', 'funds'),
  acceptance('基金认缴规模(亿元)', null),

  // 14 基础设施投入
  acceptance('截至年底累计基础设施投入(亿元)', 'infrastructure'),
  acceptance('九通一平及生态绿化累计投资(亿元)', 'infrastructure'),
  acceptance('本年基础设施投资(亿元)', null),

  // 15 新型基础设施投入
  acceptance('累计新基建投资(亿元)', 'newInfrastructure'),
  acceptance('新型基础设施投入\n(万元)', 'newInfrastructure'),

  // 16 公共服务设施用地占总用地比
  acceptance('公共服务设施用地占总用地比例(%)', 'publicLandShare'),
  acceptance('公服设施用地占比(%)', 'publicLandShare'),
  acceptance('公共服务设施用地面积(亩)', null),

  // 17 年度评价平均分
  acceptance('平均分', 'annualAverage', '历年年度评价'),
  acceptance('上年得分', null, '历年年度评价'),
  acceptance('排名', null, '历年年度评价'),
  acceptance('历年年度评价平均得分(分)', 'annualAverage'),

  // not inputs of 附件2 (they are 附件3 inputs only)
  acceptance('领导小组(已成立/未成立)', null),
  acceptance('迟报漏报次数(次)', null),

  // unrelated columns
  acceptance('序号', null),
  acceptance('平台名称', null),
  acceptance('所在设区市', null),
  acceptance('主导产业名称', null),
  acceptance('平台类型', null),
  acceptance('联系电话', null),
  acceptance('备注', null),
  acceptance('建成区面积(平方公里)', null),
];
