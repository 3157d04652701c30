//! Chinese for the texts of `src/cli`, see `super`.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // nouns counted by text::count (measure word + noun)
    ("flag", "个红旗"),
    ("flags", "个红旗"),
    ("accounts", "个客户"),
    ("opportunity", "个商机"),
    ("opportunities", "个商机"),
    ("open opportunity", "个漏斗中的商机"),
    ("open opportunities", "个漏斗中的商机"),
    ("problem", "个问题"),
    ("problems", "个问题"),
    ("row", "行"),
    ("rows", "行"),
    // table headers
    ("ID", "编号"),
    ("NAME", "名称"),
    ("TITLE", "商机名称"),
    ("ACCOUNT", "客户"),
    ("STAGE", "阶段"),
    ("VALUE", "金额"),
    ("PROB", "概率"),
    ("WEIGHTED", "加权"),
    ("CLOSE", "成交日期"),
    ("DAYS", "天数"),
    ("DEAL", "商机"),
    ("DEALS", "商机数"),
    ("SEVERITY", "严重度"),
    ("RULE", "红旗信号"),
    ("WHAT", "说明"),
    ("SCORE", "得分"),
    ("DUE", "到期"),
    ("ACTION", "行动"),
    ("TIER", "级别"),
    ("QUADRANT", "筛选象限"),
    ("RELATIONSHIP", "关系阶段"),
    ("OPEN", "漏斗中"),
    ("WON THIS YEAR", "今年赢单"),
    ("WARNINGS", "提醒"),
    ("REASON", "原因"),
    ("ABANDONED", "放弃"),
    ("WON", "赢单"),
    ("LOST", "丢单"),
    ("WIN RATE", "赢单率"),
    ("WON VALUE", "赢单金额"),
    ("LOST VALUE", "丢单金额"),
    ("open", "漏斗中"),
    ("not set", "未设置"),
    ("no currency set", "未设置币种"),
    (", ", "、"),
    ("; ", "；"),
    ("- **{name}:** {names}\n", "- **{name}**：{names}\n"),
    (
        "{n}. **{title}:** {message}. {suggestion}\n",
        "{n}. **{title}**：{message}。{suggestion}\n",
    ),
    (
        "{n}. {due} · **{title}:** {text}\n",
        "{n}. {due} · **{title}**：{text}\n",
    ),
    // funnel list, flags, actions, accounts
    (
        "{deals}, value {value} {currency}, weighted {weighted} {currency}",
        "{deals}，金额 {value} {currency}，加权 {weighted} {currency}",
    ),
    (
        "{flags} on {deals}: {high} high, {medium} medium, {low} low (snoozed flags are not listed)",
        "共 {flags}，涉及 {deals}：高 {high}，中 {medium}，低 {low}（已暂停的红旗不列出）",
    ),
    (
        "{actions}, highest score first (`--format json` shows why)",
        "{actions}，得分高者在前（`--format json` 显示原因）",
    ),
    (
        "{title} (score {score}, rank {rank})",
        "{title}（得分 {score}，排名第 {rank}）",
    ),
    (
        "--opportunity {id}: no opportunity has this id (`funnel list --all` shows them)",
        "--opportunity {id}：没有这个编号的商机（`funnel list --all` 列出全部商机）",
    ),
    (
        "--account {wanted}: no account has this id or name (`funnel list --all --format csv` shows the account of each deal)",
        "--account {wanted}：没有这个编号或名称的客户（`funnel list --all --format csv` 显示每个商机的客户）",
    ),
    // the overview, check, init, the workbench
    (
        "No workspace yet at {path}.\nStart with `funnel init --demo` for the demo pipeline, or `funnel init` for an empty one.\n",
        "{path} 还没有工作区。\n用 `funnel init --demo` 创建演示漏斗，或用 `funnel init` 创建空工作区。\n",
    ),
    (
        "{path} (owner {owner}, {currency})\n\n{table}\nRun `funnel` in a terminal for the workbench; `funnel list` shows the deals, `funnel check` validates the file, `funnel --help` lists every command.\n",
        "{path}（负责人 {owner}，{currency}）\n\n{table}\n在终端中运行 `funnel` 即打开工作台；`funnel list` 列出商机，`funnel check` 检查文件，`funnel --help` 列出所有命令。\n",
    ),
    ("another funnel", "另一个 funnel"),
    ("another funnel (process {p})", "另一个 funnel（进程 {p}）"),
    (
        "note: {who} has this workspace open; checking the file as it is on disk\n",
        "提示：{who}正打开这个工作区；检查的是磁盘上的文件\n",
    ),
    (
        "note: format version {found} is newer than this funnel knows ({known}); it opens read-only\n",
        "提示：格式版本 {found} 比这个 funnel 所知的（{known}）更新；将以只读方式打开\n",
    ),
    (
        "{path}: ok, {deals} opportunities ({open} open), {accounts} accounts, {reviews} reviews\n",
        "{path}：正常，{deals} 个商机（{open} 个在漏斗中），{accounts} 个客户，{reviews} 次周回顾\n",
    ),
    (
        " (at {path}, where the link points)",
        "（位于链接指向的 {path}）",
    ),
    (
        "the demo pipeline ({deals} opportunities, {accounts} accounts; its story set on {today})",
        "演示漏斗（{deals} 个商机，{accounts} 个客户；情景日期设为 {today}）",
    ),
    ("an empty workspace", "空工作区"),
    (
        "created {path}{through} with {what}\n",
        "已创建 {path}{through}：{what}\n",
    ),
    (
        "cannot find a data directory for funnel (is HOME set?); pass --workspace PATH",
        "找不到 funnel 的数据目录（是否设置了 HOME？）；请用 --workspace PATH 指定",
    ),
    (
        "funnel: note: {path} is format version {found}, written by a newer funnel (this one knows up to {known}); showing what this version understands, and it opens read-only\n",
        "funnel：提示：{path} 的格式版本为 {found}，由更新的 funnel 写入（本版本只认识到 {known}）；只显示本版本能理解的内容，并以只读方式打开\n",
    ),
    (
        "New empty workspace at {path}. Press n to add your first opportunity, ? for every key.",
        "已在 {path} 新建空工作区。按 n 添加第一个商机，按 ? 查看全部按键。",
    ),
    (
        "`funnel demo` opens the workbench and needs a terminal",
        "`funnel demo` 会打开工作台，需要在终端中运行",
    ),
    (
        "DEMO · a scratch copy, discarded on quit",
        "演示 · 临时副本，退出即丢弃",
    ),
    (
        "The demo pipeline, its story set today. ? lists every key; q quits (the copy is discarded).",
        "演示漏斗，情景日期设为今天。? 列出全部按键；q 退出（副本将丢弃）。",
    ),
    ("the workbench failed: {e}", "工作台出错：{e}"),
    // funnel export
    ("{path}: cannot write: {e}", "{path}：无法写入：{e}"),
    ("wrote {path}\n", "已写入 {path}\n"),
    ("# Pipeline, {today}\n", "# 销售漏斗，{today}\n"),
    (
        "- {account} · {value} {cur} · {p}% · weighted {weighted} {cur} · close {close}\n",
        "- {account} · {value} {cur} · {p}% · 加权 {weighted} {cur} · 成交日期 {close}\n",
    ),
    (
        "- Objective: {objective}\n",
        "- 单一销售目标：{objective}\n",
    ),
    ("- People: {people}\n", "- 相关人员：{people}\n"),
    ("\n## {name} ({n})\n", "\n## {name}（{n}）\n"),
    ("\n## Closed ({n})\n\n", "\n## 已关闭（{n}）\n\n"),
    // funnel report
    (
        "# Pipeline report, {today}\n\n",
        "# 销售漏斗周报，{today}\n\n",
    ),
    (
        "- **Open:** {deals}, {value} {cur}, weighted {weighted} {cur}\n",
        "- **漏斗中**：{deals}，{value} {cur}，加权 {weighted} {cur}\n",
    ),
    (
        "- **Won:** {won} ({won_value} {cur}) · **Lost:** {lost} ({lost_value} {cur}) · **Win rate:** {rate}\n",
        "- **赢单**：{won}（{won_value} {cur}）· **丢单**：{lost}（{lost_value} {cur}）· **赢单率**：{rate}\n",
    ),
    (
        "- **Sales velocity:** {value} {cur} a day\n",
        "- **销售速度**：每天 {value} {cur}\n",
    ),
    (
        "\n## The funnel\n\n| Stage | Deals | Value | Weighted | Stalled |\n|---|---:|---:|---:|---:|\n",
        "\n## 销售漏斗\n\n| 阶段 | 商机数 | 金额 | 加权 | 停滞 |\n|---|---:|---:|---:|---:|\n",
    ),
    (
        "\nBest few {best} · in the funnel {in_funnel} · above the funnel {above}: {verdict}\n",
        "\n最有把握的几单 {best} · 漏斗中 {in_funnel} · 漏斗上方 {above}：{verdict}\n",
    ),
    ("a healthy funnel shape.", "漏斗形状健康。"),
    (
        "not a funnel shape; feed it from above.",
        "不成漏斗形状；需要从上方补充商机。",
    ),
    ("Nothing moved.\n", "本周没有变化。\n"),
    ("\n## Top red flags\n\n", "\n## 主要红旗信号\n\n"),
    ("\n## This week's actions\n\n", "\n## 本周行动\n\n"),
    // funnel analysis
    (
        "--from {from} is after --to {to}: the range would hold no day",
        "--from {from} 晚于 --to {to}：这个范围里一天也没有",
    ),
    ("{n} days", "{n} 天"),
    (
        "Won {won} ({won_value}) · lost {lost} ({lost_value}) · win rate {rate} · abandoned {abandoned} ({abandoned_value}, not in the win rate)",
        "赢单 {won}（{won_value}）· 丢单 {lost}（{lost_value}）· 赢单率 {rate} · 放弃 {abandoned}（{abandoned_value}，不计入赢单率）",
    ),
    (
        "Average cycle, created to closed: won {won} · lost {lost}",
        "平均周期（创建到关闭）：赢单 {won} · 丢单 {lost}",
    ),
    (
        "Economic buyer met: won {eb_won} · lost {eb_lost}    Coach: won {coach_won} · lost {coach_lost}",
        "见过经济影响力：赢单 {eb_won} · 丢单 {eb_lost}    有教练：赢单 {coach_won} · 丢单 {coach_lost}",
    ),
    (
        "No deal closed in this range; {n} closed from {first} to {last}: funnel analysis --from {first} --to {last}",
        "这个范围内没有关闭的商机；{first} 至 {last} 间关闭了 {n} 个：funnel analysis --from {first} --to {last}",
    ),
    (
        "Why we lose (lost and abandoned, by value)",
        "丢单原因（丢单与放弃，按金额）",
    ),
    ("Why we win (by value)", "赢单原因（按金额）"),
    ("By stage reached", "按到达的阶段"),
    ("unspecified", "未说明"),
    (
        "Sales result analysis, deals closed {from} to {to}\n\n",
        "销售结果分析，{from} 至 {to} 关闭的商机\n\n",
    ),
    ("none\n", "无\n"),
    (
        "# Sales result analysis, {from} to {to}\n\n",
        "# 销售结果分析，{from}至{to}\n\n",
    ),
    ("None.\n", "无。\n"),
    (
        "| Reason | Deals | Abandoned | Value |\n|---|---:|---:|---:|\n",
        "| 原因 | 商机数 | 放弃 | 金额 |\n|---|---:|---:|---:|\n",
    ),
    (
        "| Reason | Deals | Value |\n|---|---:|---:|\n",
        "| 原因 | 商机数 | 金额 |\n|---|---:|---:|\n",
    ),
    (
        "| | Won | Lost | Abandoned | Win rate | Won value | Lost value |\n|---|---:|---:|---:|---:|---:|---:|\n",
        "| | 赢单 | 丢单 | 放弃 | 赢单率 | 赢单金额 | 丢单金额 |\n|---|---:|---:|---:|---:|---:|---:|\n",
    ),
    // the imports
    (
        "--delimiter {s}: expected one character such as , ; | or the word tab",
        "--delimiter {s}：应为一个字符，如 , ; |，或单词 tab",
    ),
    ("{n} rows with this problem:", "{n} 行有这个问题："),
    (
        "  … and {n} more like it, on lines {lines}",
        "  … 还有 {n} 行同样的问题，在第 {lines} 行",
    ),
    (
        "--rate {r}: expected CURRENCY=N with N a positive number, e.g. --rate EUR=7.8",
        "--rate {r}：应为 CURRENCY=N，N 为正数，例如 --rate EUR=7.8",
    ),
    (
        "--stage-map \"{value}={target}\": unknown stage {quoted}, expected one of qualify, drive, propose, negotiate, close, won, lost, abandoned",
        "--stage-map \"{value}={target}\"：未知阶段 {quoted}，应为 qualify、drive、propose、negotiate、close、won、lost、abandoned 之一",
    ),
    (
        "--map {m}: unknown field {field}, expected one of id, title, account, stage, status, closed, won, active, reason, reason_code, closed_on, value, currency, probability, expected_close, created, modified, owner, product, notes, next_step, tags, forecast_category, competitors",
        "--map {m}：未知字段 {field}，应为以下之一：id, title, account, stage, status, closed, won, active, reason, reason_code, closed_on, value, currency, probability, expected_close, created, modified, owner, product, notes, next_step, tags, forecast_category, competitors",
    ),
    ("read the file to import", "读取要导入的文件"),
    (
        "left out {n} lines after the last row with one cell each (a report's footer)\n",
        "略去最后一行数据之后各只有一个单元格的 {n} 行（报表的页脚）\n",
    ),
    ("{r}: nothing was imported", "{r}：未导入任何内容"),
    ("the file's currency column", "文件的币种列"),
    (
        "the default; choose with --currency",
        "默认值；可用 --currency 选择",
    ),
    (
        "workspace currency: {currency} ({why})",
        "工作区币种：{currency}（{why}）",
    ),
    (
        "\nor make {c} the new workspace's currency with --currency {c} and give rates for the others",
        "\n或用 --currency {c} 把 {c} 设为新工作区的币种，并给出其他币种的汇率",
    ),
    (
        "{file}: {m}{choose}\nnothing was imported",
        "{file}：{m}{choose}\n未导入任何内容",
    ),
    (
        "{file}: {m}\nnothing was imported",
        "{file}：{m}\n未导入任何内容",
    ),
    (
        "{rows} rows from {file}: {added} added, {updated} updated, {unchanged} unchanged; {accounts} accounts created",
        "{file} 中的 {rows} 行：新增 {added}，更新 {updated}，未变 {unchanged}；新建客户 {accounts} 个",
    ),
    (
        "import profile {name} not saved (dry run)\n",
        "导入配置 {name} 未保存（试运行）\n",
    ),
    (
        "dry run, nothing saved: {text}\nplan: {add} to add, {update} to update, {skip} to skip (unchanged), {collisions} colliding rows kept apart\n",
        "试运行，未保存：{text}\n计划：新增 {add}，更新 {update}，跳过 {skip}（未变），{collisions} 行冲突分开保留\n",
    ),
    (
        "\nsaved these options as import profile {quoted} (--profile {name})",
        "\n已将这些选项保存为导入配置 {quoted}（--profile {name}）",
    ),
    ("imported {text}", "已导入 {text}"),
    ("dry run, nothing saved: {text}", "试运行，未保存：{text}"),
    (
        "{rows} activities from {file}: {actions} actions added, {log} log entries added, {unchanged} unchanged, {unmatched} matched no deal",
        "{file} 中的 {rows} 条活动：新增行动 {actions} 项，新增记录 {log} 条，未变 {unchanged}，{unmatched} 条未匹配到商机",
    ),
    (
        "deals matched by {source} ids, else by title; else the open deal of the activity's account or contact",
        "按 {source} 编号匹配商机，其次按标题；再其次匹配活动所属客户或联系人的在途商机",
    ),
    ("any source's", "任一来源的"),
    (
        "{n} placed through their account or contact{nearest}",
        "{n} 条经由客户或联系人归入商机{nearest}",
    ),
    (
        " ({n} on the soonest-closing of the account's several open deals)",
        "（其中 {n} 条归入该客户多个在途商机中最早成交的那个）",
    ),
    (
        "matched no deal: {why} (activity {subject})",
        "未匹配到商机：{why}（活动 {subject}）",
    ),
    ("matched no deal: {why}", "未匹配到商机：{why}"),
    ("columns: {columns}", "列：{columns}"),
    (
        "{rows} contacts from {file} (source {source}): {added} added, {updated} updated, {unchanged} unchanged, {unmatched} matched no account{nameless}{influences}",
        "{file} 中的 {rows} 个联系人（来源 {source}）：新增 {added}，更新 {updated}，未变 {unchanged}，{unmatched} 个未匹配到客户{nameless}{influences}",
    ),
    (", {n} without a name left out", "，{n} 个无姓名已略去"),
    (
        "; {n} influences added to open deals (no role: to be placed)",
        "；{n} 人加入在途商机的买方影响力（无角色：待归位）",
    ),
    (
        "matched no account (by account id through an Account.csv beside the file or a deal import, or by account name):",
        "未匹配到客户（按客户编号，经由文件旁的 Account.csv 或商机导入，或按客户名称）：",
    ),
    ("{name} has no account", "{name} 没有客户"),
    ("{name}: no account {account}", "{name}：没有客户 {account}"),
    (
        "without a name or e-mail, on lines {lines}",
        "没有姓名或邮箱，在第 {lines} 行",
    ),
    (
        "{rows} stage rows from {file}: {changed} deals given a history, {unchanged} unchanged, {unmatched} rows matched no deal, {closed} closed-stage rows skipped",
        "{file} 中的 {rows} 行阶段记录：{changed} 个商机写入历史，未变 {unchanged}，{unmatched} 行未匹配到商机，跳过关闭阶段 {closed} 行",
    ),
    (
        "{n} rows about other fields than the stage ignored",
        "忽略了 {n} 行非阶段字段的记录",
    ),
    (
        "{n} rows marked deleted (IsDeleted) ignored",
        "忽略了 {n} 行标记为已删除（IsDeleted）的记录",
    ),
    (
        "deals matched by {source} ids, else by title",
        "按 {source} 编号匹配商机，其次按标题",
    ),
    (
        "{what} {s}: expected VALUE=TARGET",
        "{what} {s}：应为 VALUE=TARGET",
    ),
    (
        "there are none; --save-profile NAME saves this import's options",
        "目前没有；--save-profile NAME 可保存这次导入的选项",
    ),
    ("the profiles are: {names}", "已有配置：{names}"),
    (
        "--profile {name}: no such import profile in {path}; {there}\nnothing was imported",
        "--profile {name}：{path} 中没有这个导入配置；{there}\n未导入任何内容",
    ),
    ("(no options)", "（无选项）"),
    (
        "no import profiles in {path}; `funnel import csv FILE … --save-profile NAME` saves one\n",
        "{path} 中没有导入配置；`funnel import csv FILE … --save-profile NAME` 可保存一个\n",
    ),
    ("{r}: nothing was deleted", "{r}：未删除任何内容"),
    (
        "--delete {name}: no such import profile in {path}; {there}",
        "--delete {name}：{path} 中没有这个导入配置；{there}",
    ),
    ("there are none", "目前没有"),
    ("deleted import profile {name}\n", "已删除导入配置 {name}\n"),
    (
        "source: {source} (ids match only deals imported from it; name it with --source)",
        "来源：{source}（编号只匹配从它导入的商机；用 --source 指定）",
    ),
    (
        "warning: no amount column recognised: new deals get value 0, existing values are kept; name it with --map COLUMN=value",
        "警告：没有识别出金额列：新商机金额为 0，已有金额不变；用 --map COLUMN=value 指定",
    ),
    (
        "warning: no title column recognised: titles are made from product and account, or the id (unchanged on existing deals); name it with --map COLUMN=title",
        "警告：没有识别出标题列：标题由产品和客户或编号生成（已有商机不变）；用 --map COLUMN=title 指定",
    ),
    (
        "warning: no column for {fields} (left empty on new deals, unchanged on existing ones; --map COLUMN=FIELD)",
        "警告：没有 {fields} 列（新商机留空，已有商机不变；--map COLUMN=FIELD）",
    ),
    (
        "line {line} (as line {first})",
        "第 {line} 行（同第 {first} 行）",
    ),
    (
        "warning: {n} rows have the title and account of an earlier row and no id; kept as separate deals, not merged: {lines}",
        "警告：{n} 行与前面某行的标题和客户相同且没有编号；作为不同商机分开保留，未合并：{lines}",
    ),
    (
        "warning: {n} closed deals have no close date: closed on their last modification date",
        "警告：{n} 个已关闭商机没有关闭日期：以最后修改日期为关闭日期",
    ),
    (
        "warning: {n} closed deals have no close date nor modification date: closed today",
        "警告：{n} 个已关闭商机既没有关闭日期也没有修改日期：以今天为关闭日期",
    ),
    ("columns used: {columns}", "使用的列：{columns}"),
    (
        "--dates {other}: expected dmy or mdy",
        "--dates {other}：应为 dmy 或 mdy",
    ),
    (
        "--map {m}: unknown field {field}, expected one of {fields}",
        "--map {m}：未知字段 {field}，应为以下之一：{fields}",
    ),
    ("{n} problems:\n", "{n} 个问题：\n"),
    (
        "; --skip-bad-rows leaves out the {rows} that cannot be read and imports the rest",
        "；--skip-bad-rows 可略去无法读取的 {rows}，导入其余部分",
    ),
    (
        "{heading}{problems}\nnothing was imported{skip}",
        "{heading}{problems}\n未导入任何内容{skip}",
    ),
    (
        "read {file} as {encoding}, cells separated by {delimiter}; --encoding and --delimiter read it otherwise\n",
        "按 {encoding} 读取 {file}，单元格以 {delimiter} 分隔；可用 --encoding 和 --delimiter 改变读法\n",
    ),
    ("tab", "制表符"),
    (
        "left out {n} rows that cannot be read (--skip-bad-rows):\n{problems}\n",
        "略去 {n} 行无法读取的数据（--skip-bad-rows）：\n{problems}\n",
    ),
    (
        "{file}: --encoding and --delimiter do not apply to a spreadsheet (its cells are read as they are)",
        "{file}：--encoding 和 --delimiter 不适用于电子表格（按单元格原样读取）",
    ),
    (
        "--sheet: {file} is not a spreadsheet ({extensions})",
        "--sheet：{file} 不是电子表格（{extensions}）",
    ),
    // funnel --help (the summaries only)
    (
        "A terminal workbench for the weekly review of complex B2B deals.",
        "复杂 B2B 商机每周回顾的终端工作台。",
    ),
    (
        "expected a date YYYY-MM-DD, got {s}",
        "应为 YYYY-MM-DD 格式的日期，实际为 {s}",
    ),
    ("expected en or zh, got {s}", "应为 en 或 zh，实际为 {s}"),
    (
        "expected a date YYYY-MM-DD or `previous`, got {s}",
        "应为 YYYY-MM-DD 格式的日期或 `previous`，实际为 {s}",
    ),
];
