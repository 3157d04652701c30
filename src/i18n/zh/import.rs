//! Chinese for the texts of `src/import`, see `super`.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // activities
    (
        "no subject column recognised (Subject, 主题, …); the columns are {all}; name it with --map COLUMN=subject, e.g. --map \"Betreff=subject\"",
        "没有识别出主题列（Subject、主题、…）；现有的列是 {all}；请用 --map COLUMN=subject 指定，例如 --map \"Betreff=subject\"",
    ),
    (
        "no deal, account or contact column recognised (WhatId, Deal Name, Regarding, Related To, 商机, AccountId, Company, 客户名称, WhoId, Contact Name, 联系人, …); name one with --map COLUMN=FIELD, e.g. --map \"Verkaufschance=deal\" (fields: {fields})",
        "没有识别出商机、客户或联系人列（WhatId、Deal Name、Regarding、Related To、商机、AccountId、Company、客户名称、WhoId、Contact Name、联系人、…）；请用 --map COLUMN=FIELD 指定一列，例如 --map \"Verkaufschance=deal\"（可用字段：{fields}）",
    ),
    (
        "{value} in {column}: day or month first? say --dates dmy or --dates mdy",
        "{column} 列的 {value}：日在前还是月在前？请用 --dates dmy 或 --dates mdy 说明",
    ),
    ("{problem} in {column}", "{column} 列：{problem}"),
    (
        "the activity {key} is in the file twice",
        "活动 {key} 在文件中出现了两次",
    ),
    // finding the deal a row belongs to
    ("no deal with {what}", "没有{what}对应的商机"),
    ("{n} deals with {what}", "{what}对应 {n} 个商机"),
    ("id {id}", "id {id}"),
    ("title {title}", "标题 {title}"),
    ("no deal with id {id}", "没有 id 为 {id} 的商机"),
    ("no deal titled {title}", "没有标题为 {title} 的商机"),
    (
        "its account {name} has no open deal",
        "其客户 {name} 没有进行中的商机",
    ),
    (
        "no deal or account with id {id}",
        "没有 id 为 {id} 的商机或客户",
    ),
    ("no account {name}", "没有客户 {name}"),
    (
        "no contact {name} on an account (import contacts first)",
        "任何客户下都没有联系人 {name}（请先导入联系人）",
    ),
    (
        "no deal, account or contact given",
        "没有给出商机、客户或联系人",
    ),
    // columns
    (
        "--map {column}: no such column; the columns are {all}",
        "--map {column}：没有这一列；现有的列是 {all}",
    ),
    (
        "no stage column recognised among {all}; name it with --map COLUMN=stage",
        "在 {all} 中没有识别出阶段列；请用 --map COLUMN=stage 指定",
    ),
    (
        "no name or e-mail column recognised; the columns are {all}; name them with --map COLUMN=FIELD, e.g. --map \"Vorname=first\" --map \"Nachname=last\" (fields: {fields})",
        "没有识别出姓名或电子邮件列；现有的列是 {all}；请用 --map COLUMN=FIELD 指定，例如 --map \"Vorname=first\" --map \"Nachname=last\"（可用字段：{fields}）",
    ),
    (
        "no account column recognised (AccountId, Account Name, Company Name, 客户名称, …); the columns are {all}; name it with --map COLUMN=account, e.g. --map \"Firma=account\"",
        "没有识别出客户列（AccountId、Account Name、Company Name、客户名称、…）；现有的列是 {all}；请用 --map COLUMN=account 指定，例如 --map \"Firma=account\"",
    ),
    (
        "no {name} column recognised ({examples}, …); the columns are {all}; name it with --map COLUMN={name}, e.g. --map \"{example}={name}\"",
        "没有识别出 {name} 列（{examples}、…）；现有的列是 {all}；请用 --map COLUMN={name} 指定，例如 --map \"{example}={name}\"",
    ),
    (
        "no deal column recognised (OpportunityId, Deal ID, Deal Name, Opportunity, 商机编号, 商机名称, …); the columns are {all}; name one with --map COLUMN=deal_id or --map COLUMN=deal",
        "没有识别出商机列（OpportunityId、Deal ID、Deal Name、Opportunity、商机编号、商机名称、…）；现有的列是 {all}；请用 --map COLUMN=deal_id 或 --map COLUMN=deal 指定一列",
    ),
    // currencies
    (
        "{c} ({n} rows, first on line {line})",
        "{c}（{n} 行，首见于第 {line} 行）",
    ),
    (
        "rows in {found} but the workspace is in {to}; give a rate for each with --rate {first}=N (1 {first} = N {to})",
        "有些行的币种是 {found}，而工作区用 {to}；请用 --rate {first}=N 给出每种的汇率（1 {first} = N {to}）",
    ),
    // encodings
    (
        "--encoding {label}: unknown encoding, expected a name like utf-8, utf-16le, gbk, gb18030, windows-1252, latin1",
        "--encoding {label}：未知编码，应为 utf-8、utf-16le、gbk、gb18030、windows-1252、latin1 这样的名称",
    ),
    ("try --encoding {name}", "试试 --encoding {name}"),
    (
        "name the encoding with --encoding NAME (e.g. windows-1252, gbk, utf-16le)",
        "请用 --encoding NAME 指定编码（例如 windows-1252、gbk、utf-16le）",
    ),
    (
        "invalid {name} at byte {at} (read as {name}, {how}); {hint}",
        "第 {at} 字节处不是有效的 {name}（按 {name} 读取，{how}）；{hint}",
    ),
    ("named", "指定"),
    ("detected", "自动检测"),
    // stage history
    ("no deal id or name", "没有商机 id 或名称"),
    ("no stage in {column}", "{column} 列没有阶段"),
    ("no date in {column}", "{column} 列没有日期"),
    (
        "  {value} ({rows}): add --stage-map {map}",
        "  {value}（{rows}）：加上 --stage-map {map}",
    ),
    (
        "{n} stage values map to no stage; add a --stage-map for each, STAGE one of qualify, drive, propose, negotiate, close, won, lost, abandoned:\n{each}",
        "{n} 个阶段值对应不到任何阶段；请为每个加上 --stage-map，STAGE 取 qualify、drive、propose、negotiate、close、won、lost、abandoned 之一：\n{each}",
    ),
    // reading the rows
    ("cannot read the header: {e}", "无法读取表头：{e}"),
    ("unreadable row: {e}", "无法读取的行：{e}"),
    (
        "{n} cells, expected {want} like the first row",
        "有 {n} 个单元格，应与第一行一样是 {want} 个",
    ),
    (
        "{n} cells, expected {want} like the header",
        "有 {n} 个单元格，应与表头一样是 {want} 个",
    ),
    (
        "{m} (column {column}), expected a number like 1,234.56",
        "{m}（{column} 列），应为 1,234.56 这样的数字",
    ),
    ("{m} (column {column})", "{m}（{column} 列）"),
    (
        "probability {p} (column {column}), expected a percentage from 0 to 100",
        "概率 {p}（{column} 列），应为 0 到 100 的百分数",
    ),
    (
        "id {id} appears again (first on line {first}); one row per opportunity",
        "id {id} 再次出现（首见于第 {first} 行）；每个商机只能一行",
    ),
    (
        "  {quoted} ({rows}, first on line {line}): --stage-map \"{value}=STAGE\"",
        "  {quoted}（{rows}，首见于第 {line} 行）：--stage-map \"{value}=STAGE\"",
    ),
    (
        "{n} stage values map to no stage; add a --stage-map for each, STAGE one of qualify, drive, propose, negotiate, close, won, lost, abandoned (--save-profile NAME keeps them for the next import):\n{values}",
        "{n} 个阶段值对应不到任何阶段；请为每个加上 --stage-map，STAGE 取 qualify、drive、propose、negotiate、close、won、lost、abandoned 之一（--save-profile NAME 可留给下次导入）：\n{values}",
    ),
    (
        "{n} dates could be day/month or month/day (lines {lines}{more}); say which with --dates dmy or --dates mdy",
        "{n} 个日期既可读作日/月也可读作月/日（第 {lines}{more} 行）；请用 --dates dmy 或 --dates mdy 说明",
    ),
    // spreadsheets
    ("cannot read it as a spreadsheet", "无法作为电子表格读取"),
    (
        "not a spreadsheet funnel can read (xlsx, xls, xlsb or ods); for a CSV use `funnel import csv`",
        "不是 funnel 能读取的电子表格（xlsx、xls、xlsb 或 ods）；CSV 文件请用 `funnel import csv`",
    ),
    (
        "no sheet {sheet}; the sheets are {sheets}",
        "没有工作表 {sheet}；现有的工作表是 {sheets}",
    ),
    ("the workbook has no sheets", "工作簿里没有工作表"),
    (
        "cannot read sheet {sheet}: {e}",
        "无法读取工作表 {sheet}：{e}",
    ),
    // the source's ids
    (
        "no id column (rows were matched by title and account)",
        "没有 id 列（按标题和客户匹配行）",
    ),
    ("ids from column {column}", "用 {column} 列作 id"),
    (
        "--map \"{before}=id\" to match them, or ",
        "--map \"{before}=id\" 来匹配它们，或者",
    ),
    (
        "(this file has no column {before}) ",
        "（本文件没有 {before} 列）",
    ),
    (
        "the deals from {source} in this workspace were imported with {before}; this file has {now}.\nNo row would match them: every deal would be added a second time.\nGive {fix}--source NAME to keep this file's deals apart from them.",
        "工作区里来自 {source} 的商机导入时{before}；本文件{now}。\n没有一行能与它们匹配：每个商机都会被再添加一次。\n请给出 {fix}--source NAME，把本文件的商机与它们分开。",
    ),
    (
        "closed, but the stage {stage} and the columns say neither won nor lost; add a won column with --map COLUMN=won or --stage-map",
        "已关闭，但阶段 {stage} 和各列都没说是赢单还是丢单；请用 --map COLUMN=won 加上 won 列，或用 --stage-map",
    ),
    ("{value} is not an amount", "{value} 不是金额"),
    (
        "{value} is not a date, expected YYYY-MM-DD, a local form like 25/11/2026 (a time after it is fine), 15 Apr 2021 or an Excel day number",
        "{value} 不是日期，应为 YYYY-MM-DD、25/11/2026 这样的本地格式（后面带时间也可以）、15 Apr 2021 或 Excel 日期序号",
    ),
];
