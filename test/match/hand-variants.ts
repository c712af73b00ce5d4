/**
 * Column headers as statisticians in development-and-reform / economic bureaus type them in their
 * own workbooks, written by hand (not generated), each with what it stands for: the official input
 * field id of its evaluation (src/rules/annual.ts, src/rules/acceptance.ts), or null when the
 * column must NOT be matched to any input (near-miss columns such as 上年同期, 同比增长, 计划数,
 * 目标值, and unrelated columns such as 所属地市, 联系人, 备注说明).
 *
 * Headers keep what people type: units in brackets (half- or full-width) or none, line breaks,
 * slashes and 、 where the issued label itself joins two items, and a parent header (the
 * indicator's or group's name as people write it) over sub-items in a two-row header.
 */

export interface HandVariant {
  readonly evaluation: 'annual' | 'acceptance';
  /** The header cell text as typed (may include units in brackets, line breaks, full-width chars). */
  readonly header: string;
  /** The header above it in a two-row header (the indicator's or group's name as people write it), or '' when none. */
  readonly parent: string;
  /** The official input field id it stands for, or null when it must NOT be matched to any input (near-miss or unrelated column). */
  readonly field: string | null;
}

const annual = (header: string, field: string | null, parent = ''): HandVariant => ({ evaluation: 'annual', header, parent, field });
const acceptance = (header: string, field: string | null, parent = ''): HandVariant => ({ evaluation: 'acceptance', header, parent, field });

export const handVariants: readonly HandVariant[] = [
  // ───────────────────────── 附件3 年度评价 ─────────────────────────

  // 1 年度工业产值或者营业收入
  annual('工业产值(亿元)', 'annualOutput'),
  annual('营业收入(亿元)', 'annualOutput'),
  annual('营收（亿元）', 'annualOutput'),
  annual('年度工业产值\n(亿元)', 'annualOutput'),
  annual('工业产值/营业收入(亿元)', 'annualOutput'),
  annual('产值或营收(亿元)', 'annualOutput'),
  annual('2023年工业产值(亿元)', 'annualOutput'),
  annual('年度产值', 'annualOutput'),
  annual('完成值', 'annualOutput', '工业产值或营业收入(亿元)'),
  annual('本年实际', 'annualOutput', '年度工业产值(亿元)'),
  // near-miss around it
  annual('上年同期产值(亿元)', null),
  annual('产值同比增长(%)', null),
  annual('营收增速(%)', null),
  annual('产值目标值(亿元)', null),
  annual('上年同期', null, '工业产值或营业收入(亿元)'),
  annual('同比增长(%)', null, '工业产值或营业收入(亿元)'),
  annual('目标值', null, '年度工业产值(亿元)'),
  annual('工业增加值(亿元)', null),
  annual('主导产业产值(亿元)', null),

  // 2 主导产业集聚度
  annual('集聚度(%)', 'clusterShare'),
  annual('主导产业集聚度（%）', 'clusterShare'),
  annual('主导产业占比(%)', 'clusterShare'),
  annual('主导产业产值占比', 'clusterShare'),
  annual('主导产业产值占工业总产值比重(%)', 'clusterShare'),
  annual('集聚度较上年提高(百分点)', null),

  // 3 年度引进标志性项目
  annual('50亿元以上', 'projects50', '标志性项目(个)'),
  annual('50亿以上(个)', 'projects50', '年度引进标志性项目'),
  annual('50亿元以上项目(个)', 'projects50'),
  annual('引进50亿元以上项目数', 'projects50'),
  annual('其中:50亿元以上项目', 'projects50'),
  annual('技术领先型项目或行业领军型企业投资的项目', 'leadingProjects', '标志性项目(个)'),
  annual('技术领先型/领军型企业投资项目(个)', 'leadingProjects'),
  annual('技术领先型或领军企业投资项目', 'leadingProjects', '标志性项目'),
  annual('行业领军型企业投资项目（个）', 'leadingProjects'),
  annual('100亿元以上', 'projects100', '标志性项目(个)'),
  annual('100亿以上(个)', 'projects100', '年度引进标志性项目'),
  annual('100亿以上项目', 'projects100'),
  annual('百亿元以上项目(个)', 'projects100'),
  annual('引进100亿元以上项目数（个）', 'projects100'),
  annual('50亿元以上项目投资额(亿元)', null),
  annual('签约项目数(个)', null),
  annual('开工项目数(个)', null),
  annual('项目名称', null),

  // 4 年度产业项目投资总额
  annual('产业项目投资(亿元)', 'annualInvestment'),
  annual('产业投资总额(亿元)', 'annualInvestment'),
  annual('年度产业项目投资\n(亿元)', 'annualInvestment'),
  annual('产业类项目投资（亿元）', 'annualInvestment'),
  annual('新增产业项目投资额(亿元)', 'annualInvestment'),
  annual('产业投资(万元)', 'annualInvestment'),
  annual('投资计划数(亿元)', null),
  annual('产业项目计划投资(亿元)', null),
  annual('项目总投资(亿元)', null),
  annual('累计产业项目投资(亿元)', null),
  annual('产业投资增速(%)', null),

  // 5 年度引进领军型企业
  annual('世界500强', 'world500', '企业培育'),
  annual('世界500强或全球行业前10强', 'world500', '领军型企业(家)'),
  annual('世界500强/全球行业前10强(家)', 'world500'),
  annual('引进世界500强企业(家)', 'world500'),
  annual('世界500强或全球行业前十强企业', 'world500'),
  annual('中国500强', 'china500', '企业培育'),
  annual('中国500强企业(家)', 'china500'),
  annual('中国500强', 'china500', '领军型企业(家)'),
  annual('引进中国500强（家）', 'china500'),
  annual('国内行业前10强', 'domesticTop10', '企业培育'),
  annual('国内行业前十强企业(家)', 'domesticTop10'),
  annual('国内前10强', 'domesticTop10', '领军型企业(家)'),
  annual('国内行业前10强企业数', 'domesticTop10'),
  annual('世界500强企业名称', null),
  annual('规上企业数(家)', null),
  annual('高新技术企业数(家)', null),

  // 6 年度引进创新机构和平台
  annual('知名研发机构或高校', 'institutes', '创新机构和平台(家)'),
  annual('国内外知名研发机构/高校(家)', 'institutes'),
  annual('引进研发机构或高校(家)', 'institutes'),
  annual('知名研发机构、高校（家）', 'institutes'),
  annual('公共技术服务平台(家)', 'servicePlatforms'),
  annual('公共技术服务平台', 'servicePlatforms', '创新机构和平台(家)'),
  annual('公共服务平台(个)', 'servicePlatforms'),
  annual('技术服务平台', 'servicePlatforms', '年度引进创新机构和平台'),
  annual('孵化器、加速器、众创空间(家)', 'incubators'),
  annual('省级以上孵化器/加速器/众创空间', 'incubators'),
  annual('孵化器、加速器、众创空间', 'incubators', '创新机构和平台(家)'),
  annual('省级以上孵化器', 'incubators'),
  annual('众创空间等孵化载体(家)', 'incubators'),
  annual('孵化器面积(平方米)', null),
  annual('研发机构名称', null),

  // 7 年度引进高层次人才和团队
  annual('高层次人才(名)', 'talents'),
  annual('高层次人才（人）', 'talents'),
  annual('人才(名)', 'talents', '高层次人才和团队'),
  annual('引进高层次人才数', 'talents'),
  annual('创新创业团队(个)', 'teams'),
  annual('双创团队(个)', 'teams'),
  annual('团队(个)', 'teams', '高层次人才和团队'),
  annual('引进创新创业团队', 'teams'),
  annual('人才项目资助资金(万元)', null),
  annual('从业人员(人)', null),

  // 8 设立专项产业基金
  annual('产业基金(支)', 'funds'),
  annual('专项产业基金（支）', 'funds'),
  annual('设立专项基金数', 'funds'),
  annual('平台专项产业基金(支)', 'funds'),
  annual('产业基金规模(亿元)', null),

  // 9 年度基础设施投资总额
  annual('基础设施投资(亿元)', 'annualInfrastructure'),
  annual('基建投资(亿元)', 'annualInfrastructure'),
  annual('“九通一平”等基础设施投资(亿元)', 'annualInfrastructure'),
  annual('年度基础设施投资\n(亿元)', 'annualInfrastructure'),
  annual('基础设施投资总额（万元）', 'annualInfrastructure'),
  annual('基础设施投资完成率(%)', null),
  annual('基础设施计划投资(亿元)', null),

  // 10 年度新型基础设施投资总额
  annual('新基建投资(亿元)', 'annualNewInfrastructure'),
  annual('新型基础设施投资(亿元)', 'annualNewInfrastructure'),
  annual('5G、工业互联网等新型基础设施投资(亿元)', 'annualNewInfrastructure'),
  annual('新基建（亿元）', 'annualNewInfrastructure'),
  annual('年度新型基础设施\n投资总额(万元)', 'annualNewInfrastructure'),
  annual('5G基站数(个)', null),

  // 11 组织管理
  annual('领导小组', 'leadingGroup'),
  annual('是否设立领导小组', 'leadingGroup'),
  annual('领导小组', 'leadingGroup', '组织管理'),
  annual('领导小组(是/否)', 'leadingGroup'),
  annual('专门管理机构', 'managementAgency'),
  annual('是否设立专门管理机构', 'managementAgency'),
  annual('管理机构', 'managementAgency', '组织管理'),
  annual('专门管理机构(有/无)', 'managementAgency'),
  annual('专业运营团队', 'operationTeam'),
  annual('运营团队(是/否)', 'operationTeam'),
  annual('运营团队', 'operationTeam', '组织管理'),
  annual('是否组建专业运营团队', 'operationTeam'),
  annual('挂牌', 'signage'),
  annual('是否挂牌', 'signage'),
  annual('挂牌', 'signage', '组织管理'),
  annual('平台挂牌(是/否)', 'signage'),
  annual('领导小组组长', null),
  annual('管理机构名称', null),
  annual('挂牌时间', null),

  // 12 政策制定
  annual('专项政策(项)', 'specialPolicies'),
  annual('针对平台的专项政策', 'specialPolicies'),
  annual('专项政策', 'specialPolicies', '政策制定'),
  annual('出台平台专项政策数（项）', 'specialPolicies'),
  annual('相关政策(项)', 'relatedPolicies'),
  annual('相关政策', 'relatedPolicies', '政策制定'),
  annual('制定相关政策数', 'relatedPolicies'),
  annual('其他相关政策（项）', 'relatedPolicies'),
  annual('政策文件名称', null),
  annual('政策兑现资金(万元)', null),

  // 13 平台活动开展
  annual('活动次数', 'activities'),
  annual('举办论坛、峰会、博览会、招商推介等活动(次)', 'activities'),
  annual('举办活动(次)', 'activities', '平台活动开展'),
  annual('论坛、峰会等活动(次)', 'activities'),
  annual('招商推介等活动次数', 'activities'),
  annual('展示厅', 'showroom'),
  annual('展厅', 'showroom', '平台活动开展'),
  annual('是否设立平台展示厅', 'showroom'),
  annual('展示厅(是/否)', 'showroom', '平台活动'),
  annual('平台展厅', 'showroom'),
  annual('活动名称', null),
  annual('展示厅面积(平方米)', null),

  // 14 信息资料报送
  annual('迟报漏报次数', 'lateReports'),
  annual('迟报或漏报(次)', 'lateReports'),
  annual('迟报/漏报次数', 'lateReports', '信息资料报送'),
  annual('资料迟报漏报(次)', 'lateReports'),
  annual('报送资料份数', null),

  // 15 制定年度计划
  annual('年度工作计划', 'annualPlan'),
  annual('是否制定年度计划', 'annualPlan'),
  annual('年度工作计划和任务分工', 'annualPlan', '工作推进'),
  annual('年度计划(是/否)', 'annualPlan'),

  // scores, targets, rankings and unrelated columns
  annual('考核目标', null),
  annual('全市排名', null),
  annual('增速', null),
  annual('得分', null),
  annual('年度评价得分', null),
  annual('总分', null),
  annual('所属地市', null),
  annual('主导产业', null),
  annual('联系人', null),
  annual('联系电话', null),
  annual('平台面积(平方公里)', null),
  annual('规划面积', null),
  annual('备注说明', null),
  annual('数据来源', null),
  annual('审核人', null),
  annual('填报单位', null),
  annual('填报日期', null),
  annual('责任部门', null),
  annual('序号', null),
  annual('平台名称', null),

  // ───────────────────────── 附件2 验收评价 ─────────────────────────

  // 1 工业总产值或营业总收入
  acceptance('工业总产值(亿元)', 'output'),
  acceptance('营业总收入(亿元)', 'output'),
  acceptance('总产值/总营收(亿元)', 'output'),
  acceptance('工业总产值或营业总收入\n(亿元)', 'output'),
  acceptance('营收（亿元）', 'output'),
  acceptance('总产值(万元)', 'output'),
  acceptance('实际完成', 'output', '工业总产值或营业总收入(亿元)'),
  acceptance('上年工业总产值(亿元)', null),
  acceptance('总产值同比增长(%)', null),
  acceptance('千亿目标完成率(%)', null),
  acceptance('产值目标值(亿元)', null),
  acceptance('目标值', null, '工业总产值或营业总收入(亿元)'),
  acceptance('上年同期', null, '工业总产值(亿元)'),
  acceptance('工业增加值(亿元)', null),

  // 2 主导产业集聚度
  acceptance('集聚度(%)', 'clusterShare'),
  acceptance('主导产业占比（%）', 'clusterShare'),
  acceptance('主导产业产值占比(%)', 'clusterShare'),
  acceptance('主导产业集聚度', 'clusterShare'),
  acceptance('主导产业营收占比(%)', 'clusterShare'),
  acceptance('主导产业产值(亿元)', null),

  // 3 高新技术产业产值占比
  acceptance('高新技术产业产值占比(%)', 'hiTechShare'),
  acceptance('高新产业占比', 'hiTechShare'),
  acceptance('高新技术产业营收占比(%)', 'hiTechShare'),
  acceptance('高新技术产业产值(营业收入)占比', 'hiTechShare'),
  acceptance('高新技术产业占比（％）', 'hiTechShare'),
  acceptance('高新技术产业产值(亿元)', null),
  acceptance('高新技术企业数(家)', null),

  // 4 亩均税收
  acceptance('亩均税收(万元/亩)', 'taxPerMu'),
  acceptance('亩均税收（万元）', 'taxPerMu'),
  acceptance('实际亩均税收', 'taxPerMu'),
  acceptance('亩均税收\n(万元/亩)', 'taxPerMu'),
  acceptance('税收总额(亿元)', null),
  acceptance('亩均增加值(万元/亩)', null),
  acceptance('亩均税收增速(%)', null),
  acceptance('用地面积(亩)', null),

  // 5 单位增加值综合能耗 / 对照标准
  acceptance('单位增加值能耗(吨标煤/万元)', 'energy'),
  acceptance('综合能耗(吨标煤/万元)', 'energy'),
  acceptance('单位增加值综合能耗', 'energy'),
  acceptance('万元增加值能耗(吨标煤)', 'energy'),
  acceptance('实际值', 'energy', '单位增加值综合能耗(吨标煤/万元)'),
  acceptance('能耗对照标准', 'benchmark'),
  acceptance('对照国际标准(吨标煤/万元)', 'benchmark'),
  acceptance('能耗标准值', 'benchmark'),
  acceptance('对照标准', 'benchmark', '单位增加值综合能耗(吨标煤/万元)'),
  acceptance('能耗总量(万吨标煤)', null),
  acceptance('下降率(%)', null, '单位增加值综合能耗(吨标煤/万元)'),

  // 6 累计引进标志性项目
  acceptance('50亿元以上', 'projects50', '标志性项目(个)'),
  acceptance('50亿元以上项目(个)', 'projects50'),
  acceptance('累计引进50亿以上项目', 'projects50'),
  acceptance('50亿以上', 'projects50', '累计引进标志性项目'),
  acceptance('技术领先型或行业领军型企业投资项目(个)', 'leadingProjects'),
  acceptance('技术领先型/领军型企业投资', 'leadingProjects', '标志性项目(个)'),
  acceptance('领军企业投资项目', 'leadingProjects', '累计引进标志性项目'),
  acceptance('技术领先型项目(个)', 'leadingProjects'),
  acceptance('100亿元以上', 'projects100', '标志性项目(个)'),
  acceptance('100亿以上项目(个)', 'projects100'),
  acceptance('百亿元以上项目', 'projects100'),
  acceptance('100亿以上', 'projects100', '累计引进标志性项目'),
  acceptance('项目名称', null),
  acceptance('项目总投资(亿元)', null),
  acceptance('标志性项目投资额(亿元)', null),

  // 7 累计产业项目投资
  acceptance('产业项目投资(亿元)', 'investment'),
  acceptance('累计产业投资(亿元)', 'investment'),
  acceptance('累计产业项目投资总额', 'investment'),
  acceptance('产业项目累计投资（亿元）', 'investment'),
  acceptance('投资计划数(亿元)', null),
  acceptance('本年产业项目投资(亿元)', null),

  // 8 累计引进领军型企业数
  acceptance('世界500强或世界行业前10强', 'world500', '领军型企业(家)'),
  acceptance('世界500强(家)', 'world500'),
  acceptance('世界500强/世界行业前10强企业', 'world500'),
  acceptance('世界500强', 'world500', '领军型企业培育'),
  acceptance('中国500强(家)', 'china500'),
  acceptance('中国500强', 'china500', '领军型企业(家)'),
  acceptance('中国500强企业数', 'china500'),
  acceptance('累计引进中国500强', 'china500'),
  acceptance('国内行业前10强(家)', 'domesticTop10'),
  acceptance('国内行业前10强', 'domesticTop10', '领军型企业(家)'),
  acceptance('国内前十强企业', 'domesticTop10'),
  acceptance('国内行业前10强企业数', 'domesticTop10'),
  acceptance('世界500强企业名称', null),

  // 9 领军型企业产值规模
  acceptance('产值50亿元以上企业(家)', 'firms50'),
  acceptance('50亿元以上', 'firms50', '领军型企业产值规模(家)'),
  acceptance('产值超50亿元企业数', 'firms50'),
  acceptance('产值50亿以上企业（家）', 'firms50'),
  acceptance('产值10-50亿元企业(家)', 'firms10to50'),
  acceptance('10-50亿元', 'firms10to50', '领军型企业产值规模(家)'),
  acceptance('产值10~50亿元企业', 'firms10to50'),
  acceptance('产值10亿-50亿元企业数', 'firms10to50'),
  acceptance('领军型企业产值(亿元)', null),
  acceptance('规上企业数(家)', null),

  // 10 R&D经费占主营业务收入比重
  acceptance('R&D经费占比(%)', 'rdShare'),
  acceptance('研发经费占主营业务收入比重(%)', 'rdShare'),
  acceptance('研发投入强度(%)', 'rdShare'),
  acceptance('R&D占比', 'rdShare'),
  acceptance('R＆D经费占主营业务收入比重（％）', 'rdShare'),
  acceptance('研发投入占营收比重(%)', 'rdShare'),
  acceptance('R&D经费支出(亿元)', null),
  acceptance('研发经费(万元)', null),

  // 11 建成创新机构和平台
  acceptance('国家级', 'national', '研发机构'),
  acceptance('国家级', 'national', '创新机构和平台(个)'),
  acceptance('国家级研发机构和平台(个)', 'national'),
  acceptance('国家级研发机构（个）', 'national'),
  acceptance('省级', 'provincial', '研发机构'),
  acceptance('省级', 'provincial', '创新机构和平台(个)'),
  acceptance('省级研发机构和科技创新服务平台', 'provincial'),
  acceptance('省级研发机构(个)', 'provincial'),
  acceptance('市级', null, '研发机构'),
  acceptance('市级研发机构(个)', null),

  // 12 省级以上高层次人才和团队
  acceptance('省级以上高层次人才(人)', 'talents'),
  acceptance('高层次人才（人）', 'talents'),
  acceptance('人才(人)', 'talents', '高层次人才和团队'),
  acceptance('省级以上人才数', 'talents'),
  acceptance('创新创业团队(个)', 'teams'),
  acceptance('双创团队', 'teams'),
  acceptance('团队(个)', 'teams', '高层次人才和团队'),
  acceptance('省级以上创新创业团队(个)', 'teams'),
  acceptance('从业人员(人)', null),

  // 13 设立专项产业基金
  acceptance('产业基金(支)', 'funds'),
  acceptance('专项产业基金', 'funds'),
  acceptance('设立专项基金（支）', 'funds'),
  acceptance('基金规模(亿元)', null),

  // 14 基础设施投入
  acceptance('基础设施投入(亿元)', 'infrastructure'),
  acceptance('累计基础设施投资(亿元)', 'infrastructure'),
  acceptance('基建投资(亿元)', 'infrastructure'),
  acceptance('“九通一平”等基础设施投资', 'infrastructure'),
  acceptance('基础设施投资（万元）', 'infrastructure'),

  // 15 新型基础设施投入
  acceptance('新基建投资(亿元)', 'newInfrastructure'),
  acceptance('新型基础设施投入(亿元)', 'newInfrastructure'),
  acceptance('累计新基建投资', 'newInfrastructure'),
  acceptance('新基建（亿元）', 'newInfrastructure'),
  acceptance('5G、人工智能等新型基础设施投资\n(亿元)', 'newInfrastructure'),

  // 16 公共服务设施用地占总用地比
  acceptance('公共服务设施用地占比(%)', 'publicLandShare'),
  acceptance('公服设施用地占比', 'publicLandShare'),
  acceptance('公共服务设施用地占总用地比（%）', 'publicLandShare'),
  acceptance('服务设施用地占比', 'publicLandShare'),
  acceptance('公共服务设施用地面积(亩)', null),
  acceptance('总用地面积(公顷)', null),

  // 17 历年年度评价平均分
  acceptance('年度评价平均分', 'annualAverage'),
  acceptance('历年年度评价平均分(分)', 'annualAverage'),
  acceptance('年度平均分', 'annualAverage'),
  acceptance('历年年度评价均分', 'annualAverage'),
  acceptance('2022年度评价得分', null),
  acceptance('年度评价排名', null),

  // scores, targets, rankings and unrelated columns
  acceptance('考核目标', null),
  acceptance('全市排名', null),
  acceptance('增速', null),
  acceptance('验收得分', null),
  acceptance('得分', null),
  acceptance('所属地市', null),
  acceptance('主导产业', null),
  acceptance('联系人', null),
  acceptance('联系电话', null),
  acceptance('平台面积(平方公里)', null),
  acceptance('规划面积', null),
  acceptance('备注说明', null),
  acceptance('数据来源', null),
  acceptance('审核人', null),
  acceptance('佐证材料', null),
  acceptance('责任分工', null),
  acceptance('填报单位', null),
  acceptance('序号', null),
];
