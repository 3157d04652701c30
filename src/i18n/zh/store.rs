//! Chinese for the texts of `src/store`, see `super`.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // why a workspace is open read-only
    (
        "read-only: another funnel (process {pid}) has it open; close that one to edit here",
        "只读：另一个 funnel（进程 {pid}）正打开着它；关掉那个才能在这里编辑",
    ),
    (
        "read-only: another funnel has it open; close that one to edit here",
        "只读：另一个 funnel 正打开着它；关掉那个才能在这里编辑",
    ),
    (
        "read-only: this workspace is format version {found}, written by a newer funnel (this one knows up to {version}); upgrade funnel to change it",
        "只读：此工作区是格式版本 {found}，由更新的 funnel 写入（本版本只认识到 {version}）；请升级 funnel 后再修改",
    ),
    (
        "read-only: cannot create the lock file ({reason})",
        "只读：无法创建锁文件（{reason}）",
    ),
    // what went wrong with the file
    (
        "\n({n} more problems; `funnel check` lists them all)",
        "\n（还有 {n} 个问题；`funnel check` 会全部列出）",
    ),
    (
        "{path}: no workspace here; create one with `funnel init` (or `funnel init --demo` for the demo pipeline)",
        "{path}：这里没有工作区；用 `funnel init` 创建一个（或用 `funnel init --demo` 建演示漏斗）",
    ),
    (
        "{link}: a symbolic link to {target}, which does not exist; `funnel init` creates the workspace there",
        "{link}：指向 {target} 的符号链接，而目标不存在；`funnel init` 会在那里创建工作区",
    ),
    (
        "{path}: is {kind}, expected a regular file holding a funnel workspace",
        "{path}：是{kind}，应为存放 funnel 工作区的普通文件",
    ),
    ("a folder", "文件夹"),
    ("a named pipe (FIFO)", "命名管道（FIFO）"),
    ("a socket", "套接字"),
    ("a character device", "字符设备"),
    ("a block device", "块设备"),
    ("not a regular file", "非普通文件"),
    (
        "{path}: the file is {size} MB, more than funnel reads ({max} MB), expected a funnel workspace",
        "{path}：文件有 {size} MB，超过 funnel 能读取的 {max} MB，应为 funnel 工作区",
    ),
    (
        "{path}: is {what}; funnel will not write over it, nothing was written (choose another file)",
        "{path}：是{what}；funnel 不会覆盖它，什么也没写（请换一个文件）",
    ),
    ("the workspace {path}", "工作区 {path}"),
    ("the lock of the workspace {path}", "工作区 {path} 的锁文件"),
    (
        "a backup of the workspace ({path})",
        "工作区的备份（{path}）",
    ),
    (
        "inside the backup folder of the workspace ({path})",
        "在工作区的备份文件夹内（{path}）",
    ),
    (
        "{path}: a workspace already exists here; funnel will not overwrite it",
        "{path}：这里已有工作区；funnel 不会覆盖它",
    ),
    (
        "{path}: cannot {doing}: {source}",
        "{path}：无法{doing}：{source}",
    ),
    ("read the workspace", "读取工作区"),
    ("create the folder", "创建文件夹"),
    ("save the workspace", "保存工作区"),
    ("back up the workspace", "备份工作区"),
    ("save a copy", "另存副本"),
    (
        "{path}: the file changed on disk since funnel read it, so it was not overwritten; your version is saved as {kept}",
        "{path}：funnel 读取后文件在磁盘上被改过，所以没有覆盖它；你的版本另存为 {kept}",
    ),
    // saving and backups
    ("the saver stopped", "保存线程已停止"),
    (
        "the workspace could not be read for saving: {why}",
        "无法读取工作区以便保存：{why}",
    ),
    ("nothing was loaded to save", "没有载入任何内容可保存"),
    (
        "the copy is not as long as the workspace",
        "副本与工作区长度不一致",
    ),
    (
        "the copy does not parse as JSON: {e}",
        "副本不是有效的 JSON：{e}",
    ),
    ("no free temporary name", "没有可用的临时文件名"),
    // reading the file
    (
        "the file is empty, expected a funnel workspace (a JSON object); `funnel init` creates one",
        "文件是空的，应为 funnel 工作区（JSON 对象）；`funnel init` 可创建一个",
    ),
    (
        "the file starts with a byte-order mark, expected JSON text in UTF-8 without one (remove the first 3 bytes)",
        "文件以字节顺序标记（BOM）开头，应为不带 BOM 的 UTF-8 JSON 文本（删去开头 3 个字节）",
    ),
    (
        "invalid UTF-8 (byte {byte}), expected text in UTF-8",
        "无效的 UTF-8（字节 {byte}），应为 UTF-8 文本",
    ),
    (
        "the file ends too early ({bare}), expected the rest of the workspace; was it cut short?",
        "文件提前结束（{bare}），工作区后面的内容缺失；文件是否被截断了？",
    ),
    ("invalid JSON: {hint}", "无效的 JSON：{hint}"),
    (" (at {path})", "（位于 {path}）"),
    (
        "this workspace is format version {found}, written by a newer funnel (this one knows up to {version}); upgrade funnel to open it. The parser said: {message}",
        "此工作区是格式版本 {found}，由更新的 funnel 写入（本版本只认识到 {version}）；请升级 funnel 再打开。解析器报告：{message}",
    ),
    (
        "expected a value (a string, number, object, array, true, false or null)",
        "应为一个值（字符串、数字、对象、数组、true、false 或 null）",
    ),
    (
        "a comma before a closing bracket, expected another value or no comma",
        "右括号前多了逗号，应再写一个值或去掉逗号",
    ),
    (
        "more text after the workspace object, expected the end of the file",
        "工作区对象后还有内容，应到此结束",
    ),
    (
        "expected a field name in double quotes",
        "应为双引号括起的字段名",
    ),
    (
        "invalid type: {found}, expected {what}",
        "类型不对：{found}，应为{what}",
    ),
    (
        "invalid value: {found}, expected {what}",
        "值不对：{found}，应为{what}",
    ),
    (
        "invalid length {found}, expected {what}",
        "长度 {found} 不对，应为{what}",
    ),
    ("missing field {field}", "缺少字段 {field}"),
    ("duplicate field {field}", "字段 {field} 重复"),
    ("EOF while parsing a value", "读取值时文件结束"),
    ("EOF while parsing a list", "读取列表时文件结束"),
    ("EOF while parsing an object", "读取对象时文件结束"),
    ("EOF while parsing a string", "读取字符串时文件结束"),
];
