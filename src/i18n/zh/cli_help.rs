//! `funnel --help` in Chinese: `(doc comment of cli::Cli, 中文)`. Kept
//! apart from the other texts because its keys are doc comments, not
//! literals; `cli_help_is_complete` checks them against the command tree.

pub(in crate::i18n) const TEXTS: &[(&str, &str)] = &[
    // funnel team
    (
        "The report, forecast, red flags or actions of several workspaces at once (a team's), each item with its owner",
        "同时汇总多个工作区（一个团队）的报告、预测、红旗信号或行动，每一项都注明负责人",
    ),
    (
        "The weekly pipeline report of the team: the sums, each owner's figures, and each workspace's week since its own latest review",
        "团队的每周商机报告：合计、每位负责人的数字，以及每个工作区自其最近一次回顾以来的一周",
    ),
    (
        "The team's forecast against the sum of the workspaces' targets, with each owner's row",
        "团队对照各工作区目标之和的预测，每位负责人一行",
    ),
    (
        "Red flags of the team's open opportunities, most severe first (snoozed ones left out)",
        "团队在途商机的红旗信号，最严重的在前（已暂缓的不列出）",
    ),
    (
        "The team's prioritised action list, highest score first",
        "团队按优先级排序的行动清单，得分最高的在前",
    ),
    (
        "Workspace files, or folders searched for them",
        "工作区文件，或在其中查找工作区的文件夹",
    ),
    (
        "Only this opportunity (OWNER/ID where the id is in several workspaces)",
        "只看这个商机（id 出现在多个工作区时写作 负责人/ID）",
    ),
    (
        "The agenda: the open actions due in the next days, by day and time, each with its deal, person and call plan; overdue ones first",
        "日程：未来几天到期的未完成行动，按日期和时间排列，附商机、联系人和拜访计划；逾期的排在最前",
    ),
    (
        "How many days, today included: 1 to 366",
        "天数（含今天）：1 至 366",
    ),
    (
        "How to print it: table to read, json to script, ics for a calendar (the coming days only)",
        "输出格式：table 供阅读，json 供脚本，ics 供日历（只含未来几天）",
    ),
    (
        "A CSV export (Salesforce, HubSpot, the Maven CRM data set, funnel's own export)",
        "CSV 导出文件（Salesforce、HubSpot、Maven CRM 数据集、funnel 自己的导出）",
    ),
    (
        "A spreadsheet export (xlsx; also xls, xlsb, ods), read like a CSV of one sheet",
        "电子表格导出文件（xlsx，也支持 xls、xlsb、ods），按单个工作表的 CSV 读取",
    ),
    (
        "A terminal workbench for the weekly review of complex B2B deals.",
        "面向复杂 B2B 大单每周商机回顾的终端工作台。",
    ),
    (
        "A terminal workbench for the weekly review of complex B2B deals: the pipeline by stage, who influences each decision, what puts a deal at risk, and what to do next.\n\nWith no command, opens the workbench (or, when not run in a terminal, prints an overview of the pipeline).",
        "面向复杂 B2B 大单每周商机回顾的终端工作台：按阶段查看商机管道，谁影响每个采购决策，哪些红旗信号危及商机，下一步该做什么。\n\n不带命令时打开工作台（不在终端中运行时，打印商机管道概览）。",
    ),
    (
        "Accounts with tier, screening quadrant, open pipeline and warnings",
        "客户列表：分级、客户筛选矩阵象限、在途商机和预警",
    ),
    (
        "Also add each contact to the open deals of its account, as an influence without a role",
        "同时把每位联系人加入其客户的在途商机，作为尚未定角色的买方影响力",
    ),
    (
        "Compare with the latest review on or before DATE, or with the one before the latest (`previous`)",
        "与 DATE 当天或之前最近的一次回顾对比，或与最近一次之前的那次对比（`previous`）",
    ),
    (
        "Convert rows in CURRENCY to the workspace's at N (1 CURRENCY = N)",
        "把以 CURRENCY 计价的行按汇率 N 换算为工作区币种（1 CURRENCY = N）",
    ),
    (
        "Create the workspace (empty, or a copy of the demo); refuses to overwrite",
        "新建工作区（空的，或演示数据的副本）；不会覆盖已有文件",
    ),
    (
        "Export the workspace: csv (one row per opportunity), json, md (a readable document), ics (open actions)",
        "导出工作区：csv（每个商机一行）、json、md（可阅读的文档）、ics（未完成的行动）",
    ),
    (
        "How to read dates like 03/04/2026: dmy or mdy (only when the file does not show it; spreadsheet date cells need nothing)",
        "如何读取 03/04/2026 这类日期：dmy（日/月/年）或 mdy（月/日/年）（仅在文件本身看不出时需要；电子表格的日期单元格无需指定）",
    ),
    (
        "How to read dates like 03/04/2026: dmy or mdy (spreadsheet date cells need nothing)",
        "如何读取 03/04/2026 这类日期：dmy（日/月/年）或 mdy（月/日/年）（电子表格的日期单元格无需指定）",
    ),
    (
        "Import opportunities (csv, xlsx), contacts, activities or stage history from a CRM export",
        "从 CRM 导出文件导入商机（csv、xlsx）、联系人、活动或阶段历史",
    ),
    (
        "Include won, lost and abandoned opportunities",
        "包括赢单、丢单和放弃的商机",
    ),
    (
        "Leave out rows that cannot be read (listed), import the rest",
        "跳过无法读取的行（逐一列出），导入其余的行",
    ),
    (
        "List opportunities (open ones unless --all)",
        "列出商机（默认只列在途商机，--all 列出全部）",
    ),
    // funnel merge and funnel git-setup (spec section 13)
    (
        "Git's merge driver for a workspace: merges BASE, OURS and THEIRS record by record into OURS; exit 0, or 1 when a field changed differently on both sides (kept ours, recorded in \"conflicts\"). Wired by `funnel git-setup`",
        "工作区的 git 合并驱动：按记录把 BASE、OURS、THEIRS 合并进 OURS；退出码 0，若有字段被双方改成不同的值则为 1（保留我方的值，记入 \"conflicts\"）。由 `funnel git-setup` 配置",
    ),
    (
        "The common ancestor (git's %O; an empty file when both sides added the workspace)",
        "共同祖先版本（git 的 %O；双方都新增了该工作区时为空文件）",
    ),
    (
        "Our version (git's %A), replaced by the merge",
        "我方版本（git 的 %A），合并结果会写回这里",
    ),
    ("Their version (git's %B)", "对方版本（git 的 %B）"),
    (
        "The workspace's path in the repository (git's %P), for messages",
        "工作区在仓库中的路径（git 的 %P），用于提示信息",
    ),
    (
        "Make git merge the workspace with `funnel merge`: adds its line to the repository's .gitattributes and sets the driver in git config (once in each clone)",
        "让 git 用 `funnel merge` 合并工作区：在仓库的 .gitattributes 中加入对应的行，并在 git config 中设置合并驱动（每个克隆运行一次）",
    ),
    (
        "Wire these files instead of the workspace: a pattern from the repository's root, like sellers/*.json (the repository of the current folder, unless --workspace is given)",
        "改为对这些文件启用：从仓库根目录起的路径模式，例如 sellers/*.json（未给出 --workspace 时，使用当前文件夹所在的仓库）",
    ),
    (
        "Map the stage value VALUE to STAGE (qualify … close, won, lost, abandoned)",
        "把阶段取值 VALUE 对应到 STAGE（qualify … close、won、lost、abandoned）",
    ),
    ("Only the first N entries", "只列前 N 项"),
    (
        "Only this account (its id, or its exact name)",
        "只看这个客户（客户编号或完整名称）",
    ),
    ("Only this opportunity", "只看这个商机"),
    (
        "Only this owner's deals and target [default: everyone's]",
        "只看这位负责人的商机和目标 [默认：全部负责人]",
    ),
    ("Only this stage", "只看这个阶段"),
    (
        "Open the workbench on a scratch copy of the demo pipeline (discarded on quit)",
        "在演示商机管道的临时副本上打开工作台（退出时丢弃）",
    ),
    (
        "People from a contact export (Salesforce Contact, HubSpot, Zoho, Dynamics) onto their accounts",
        "从联系人导出文件（Salesforce Contact、HubSpot、Zoho、Dynamics）把人员导入到其客户下",
    ),
    (
        "Print what would change, save nothing",
        "只显示将会发生的变化，不保存",
    ),
    (
        "Read a cell with this text as empty (besides \\N and NULL); repeatable",
        "把内容为此文字的单元格视为空（\\N 和 NULL 之外）；可重复",
    ),
    (
        "Read column COLUMN as FIELD (id, title, account, stage, status, closed, won, active, reason, reason_code, closed_on, value, currency, probability, expected_close, created, modified, owner, product, notes, next_step, tags, forecast_category, competitors)",
        "把列 COLUMN 读作字段 FIELD（id、title、account、stage、status、closed、won、active、reason、reason_code、closed_on、value、currency、probability、expected_close、created、modified、owner、product、notes、next_step、tags、forecast_category、competitors）",
    ),
    (
        "Read column COLUMN as FIELD; repeatable. Contacts: id, name, first, last, title, email, phone, account. Activities: id, subject, kind, deal_id, deal, due, completed, status, closed, description, created, account, who. History: deal_id, deal, stage, date, field",
        "把列 COLUMN 读作字段 FIELD；可重复。联系人：id、name、first、last、title、email、phone、account。活动：id、subject、kind、deal_id、deal、due、completed、status、closed、description、created、account、who。历史：deal_id、deal、stage、date、field",
    ),
    (
        "Read stage VALUE as STAGE (qualify, drive, propose, negotiate, close, won, lost, abandoned); repeatable",
        "把阶段取值 VALUE 读作 STAGE（qualify、drive、propose、negotiate、close、won、lost、abandoned）；可重复",
    ),
    (
        "Read the file in this encoding (utf-8, utf-16le, gbk, gb18030, windows-1252, latin1, …) [default: detected]",
        "按此编码读取文件（utf-8、utf-16le、gbk、gb18030、windows-1252、latin1 等）[默认：自动识别]",
    ),
    (
        "Read the file in this encoding [default: detected]",
        "按此编码读取文件 [默认：自动识别]",
    ),
    (
        "Red flags of open opportunities, most severe first (snoozed ones left out)",
        "在途商机的红旗信号，最严重的在前（已暂缓的不列出）",
    ),
    ("Remove this profile", "删除这个导入配置"),
    (
        "Save this import's options (with --profile's) under NAME, when the import succeeds",
        "导入成功后，把本次的选项（连同 --profile 的选项）保存为 NAME",
    ),
    (
        "Stage history (Salesforce OpportunityHistory or OpportunityFieldHistory, HubSpot, Pipedrive, Zoho, Dynamics): each matched deal's stage history becomes the file's, ending in its current stage",
        "阶段历史（Salesforce OpportunityHistory 或 OpportunityFieldHistory、HubSpot、Pipedrive、Zoho、Dynamics）：每个匹配商机的阶段历史以文件为准，止于其当前阶段",
    ),
    (
        "Start from the bundled demo pipeline, its dates moved to today",
        "以内置的演示商机管道开始，日期挪到今天",
    ),
    (
        "Tasks, events, calls (Salesforce Task/Event, HubSpot, Zoho, Dynamics): open ones become actions, done ones log entries, on the matching deals",
        "任务、事件、电话（Salesforce Task/Event、HubSpot、Zoho、Dynamics）：未完成的成为匹配商机的行动，已完成的成为日志",
    ),
    (
        "The currency of a workspace this import creates, when the file has no currency column [default: CNY]",
        "本次导入新建工作区时使用的币种（文件没有币种列时）[默认：CNY]",
    ),
    (
        "The date every date rule uses, YYYY-MM-DD [default: the local date]",
        "所有日期规则使用的“今天”，YYYY-MM-DD [默认：本地日期]",
    ),
    (
        "The first day of the range, YYYY-MM-DD [default: 364 days before --to]",
        "时间范围的第一天，YYYY-MM-DD [默认：--to 之前 364 天]",
    ),
    (
        "The first line is data: columns are named 1, 2, … for --map",
        "第一行就是数据：各列依次命名为 1、2、…，供 --map 使用",
    ),
    (
        "The language of screens, messages and reports: en or zh [default: settings.language, else LC_ALL/LC_MESSAGES/LANG]",
        "界面、消息和报告的语言：en 或 zh [默认：settings.language，否则看 LC_ALL/LC_MESSAGES/LANG]",
    ),
    (
        "The last day of the range, YYYY-MM-DD [default: today]",
        "时间范围的最后一天，YYYY-MM-DD [默认：今天]",
    ),
    (
        "The prioritised action list, highest score first",
        "按优先级排序的行动清单，得分最高的在前",
    ),
    (
        "The forecast against the target of a quarter or a month: won, commit, best case, pipeline, the gap and the coverage, and what moved since the review",
        "季度或月份对照目标的预测：赢单、承诺、最佳情况、管道、差距和覆盖率，以及自回顾以来的变动",
    ),
    (
        "The period: a quarter like 2026-Q4 or a month like 2026-12 [default: the quarter of today]",
        "期间：季度如 2026-Q4，或月份如 2026-12 [默认：今天所在的季度]",
    ),
    (
        "The sales result analysis of the deals closed in a date range: won and lost, why, where, against whom",
        "一段时间内关闭商机的销售结果分析：赢单与丢单，原因、阶段、竞争对手",
    ),
    (
        "The saved import profiles (--save-profile), each as the options it stands for; --delete NAME removes one",
        "已保存的导入配置（--save-profile）及其代表的选项；--delete NAME 删除一个",
    ),
    (
        "The separator between cells: a character or `tab` [default: detected among , ; tab |]",
        "单元格之间的分隔符：一个字符或 `tab` [默认：在 , ; tab | 中自动识别]",
    ),
    (
        "The separator between cells: a character or `tab` [default: detected]",
        "单元格之间的分隔符：一个字符或 `tab` [默认：自动识别]",
    ),
    (
        "The sheet to read [default: the first]",
        "要读取的工作表 [默认：第一个]",
    ),
    (
        "The sheet to read, when FILE is a spreadsheet (.xlsx, .xlsm, .xls, .xlsb, .ods) [default: the first]",
        "FILE 为电子表格（.xlsx、.xlsm、.xls、.xlsb、.ods）时要读取的工作表 [默认：第一个]",
    ),
    (
        "The system the deals were imported from; their ids are matched in it [default: recognised from the header, else any]",
        "商机原先导入自哪个系统；在该系统的编号中匹配 [默认：从表头识别，否则任意]",
    ),
    (
        "The system the file comes from; its ids match only contacts imported from it [default: the CRM recognised from the header, else the file name]",
        "文件来自哪个系统；其编号只匹配从该系统导入的联系人 [默认：从表头识别的 CRM，否则用文件名]",
    ),
    (
        "The system the file comes from; its ids match only deals imported from it [default: the CRM recognised from the header, else the file name]",
        "文件来自哪个系统；其编号只匹配从该系统导入的商机 [默认：从表头识别的 CRM，否则用文件名]",
    ),
    (
        "The weekly pipeline report: the week of the latest review, or since the review you name",
        "每周商机报告：最近一次回顾所在的一周，或自您指定的那次回顾以来",
    ),
    (
        "The workspace currency, e.g. CNY, EUR, USD (empty workspace only)",
        "工作区币种，如 CNY、EUR、USD（仅限空工作区）",
    ),
    (
        "The workspace file [default: workspace.json in funnel's data directory]",
        "工作区文件 [默认：funnel 数据目录中的 workspace.json]",
    ),
    (
        "Use the options saved under NAME; options given here add to or replace them",
        "使用以 NAME 保存的选项；此处给出的选项会补充或替换它们",
    ),
    (
        "Validate the workspace; prints every problem, exit 0 if none, 2 if any",
        "校验工作区；列出每个问题，没有问题退出码为 0，有问题为 2",
    ),
    (
        "Write to this file instead of standard output",
        "写入此文件，而不是标准输出",
    ),
    (
        "Your name, the owner of new opportunities (empty workspace only)",
        "您的名字，即新商机的负责人（仅限空工作区）",
    ),
    ("How to print it", "输出格式"),
    ("What to export", "导出格式"),
    (
        "The exported file to read (CSV, or a spreadsheet by its extension)",
        "要读取的导出文件（CSV，或按扩展名识别的电子表格）",
    ),
    (
        "The deal's strategy one-pager (the Blue Sheet) for a deal review: position, objective, buying influences, red flags and strengths, competition, decision criteria, close plan, best actions",
        "商机的策略单页（蓝表），供商机评审使用：现状、单一销售目标、买方影响力、红旗信号与优势、竞争对手、决策标准、成交计划、最佳行动",
    ),
    (
        "The opportunity's id (`funnel list --all` shows them)",
        "商机的 id（`funnel list --all` 可列出）",
    ),
    (
        "How to print it: md to paste, json to script",
        "输出格式：md 便于粘贴，json 便于脚本处理",
    ),
    (
        "The account plan for a key-account review: profile, purchase history, needs and decision process, last year against this year, strategy, resources, goals, credit, customer feedback, open deals, warnings, action timeline, work log",
        "客户计划，供大客户评审使用：客户概况、采购历史、需求与决策流程、去年与今年、策略、资源、具体目标、信用、客户反馈、进行中的商机、预警信号、行动时间表、工作日志",
    ),
    (
        "The account's id or its name (`funnel accounts` shows them)",
        "客户的 id 或名称（`funnel accounts` 可列出）",
    ),
];
