//! `funnel --help` in Chinese. clap writes the help from the doc comments
//! when the program is built, so the Chinese is put in when the command
//! line is read: each about and each option's help is looked up in its own
//! table (`i18n/zh/cli_help.rs`), whose keys are those doc texts; a test
//! walks the whole command tree so that a new option without its Chinese,
//! or Chinese for an option that is gone, fails.
//!
//! The language of the help comes from `--lang` or the environment: the
//! workspace (and its `settings.language`) is not read to print help.

use crate::i18n::{Lang, zh_help};
use clap::{Arg, ArgAction, Command};

/// `--lang zh`, `--lang=zh` among the arguments, else the environment.
pub fn lang_of(args: &[std::ffi::OsString]) -> Lang {
    const EQUALS: &str = "--lang="; // i18n-exempt: an option as typed
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--lang" {
            if let Some(l) = it.next().and_then(Lang::parse) {
                return l;
            }
        } else if let Some(l) = a.strip_prefix(EQUALS).and_then(Lang::parse) {
            return l;
        }
    }
    Lang::from_env()
}

/// The command line's definition, its help in Chinese when `lang` is.
pub fn command(lang: Lang) -> Command {
    let cmd = <super::Cli as clap::CommandFactory>::command();
    match lang {
        Lang::En => cmd,
        Lang::Zh => {
            // clap adds its `help` command when the tree is built
            let mut cmd = chinese(cmd);
            cmd.build();
            help_command(cmd)
        }
    }
}

/// The `help` command of this command and of every command under it.
fn help_command(cmd: Command) -> Command {
    let cmd = cmd.mut_subcommands(help_command);
    if cmd.find_subcommand("help").is_some() {
        cmd.mut_subcommand("help", |h| {
            h.about("显示本帮助，或所给命令的帮助")
                .mut_args(|a| a.help_heading("参数"))
        })
    } else {
        cmd
    }
}

fn zh(text: Option<&clap::builder::StyledStr>) -> Option<&'static str> {
    text.and_then(|t| zh_help(&t.to_string()))
}

fn chinese(cmd: Command) -> Command {
    let about = zh(cmd.get_about());
    let long_about = zh(cmd.get_long_about());
    let mut cmd = cmd
        .help_template("{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("命令")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助")
                .help_heading("选项"),
        )
        .mut_args(|a| {
            let help = zh(a.get_help());
            let long = zh(a.get_long_help());
            let heading = if a.is_positional() {
                "参数"
            } else {
                "选项"
            };
            let a = a.help_heading(heading);
            // clap's own `[default: md] [possible values: md, json]`, in Chinese
            let mut extra = String::new();
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() {
                extra.push_str(&format!(" [默认：{}]", defaults.join("、")));
            }
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            if !values.is_empty() && a.get_action().takes_values() {
                extra.push_str(&format!(" [可选：{}]", values.join("、")));
            }
            let a = if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            };
            let a = match (help, extra.is_empty()) {
                (Some(h), _) => a.help(format!("{h}{extra}")),
                (None, false) => a.help(extra.trim_start().to_owned()),
                (None, true) => a,
            };
            match long {
                Some(h) => a.long_help(h),
                None => a,
            }
        })
        .mut_subcommands(chinese);
    if let Some(a) = about {
        cmd = cmd.about(a);
    }
    if let Some(a) = long_about {
        cmd = cmd.long_about(a);
    }
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本")
                .help_heading("选项"),
        );
    }
    cmd
}

/// Every about and help text of the command tree (for the test).
#[cfg(test)]
pub(crate) fn help_texts() -> Vec<String> {
    fn walk(cmd: &Command, out: &mut Vec<String>) {
        out.extend(cmd.get_about().map(|t| t.to_string()));
        out.extend(cmd.get_long_about().map(|t| t.to_string()));
        for a in cmd.get_arguments() {
            out.extend(a.get_help().map(|t| t.to_string()));
            out.extend(a.get_long_help().map(|t| t.to_string()));
        }
        for s in cmd.get_subcommands() {
            walk(s, out);
        }
    }
    let mut out = Vec::new();
    walk(&command(Lang::En), &mut out);
    out.sort();
    out.dedup();
    out
}

/// clap's parse errors in Chinese (`None`: clap's own text, e.g. the help
/// itself, which [`command`] already wrote in Chinese). What was typed is
/// quoted as typed; the option names stay as they are.
pub fn error(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind as C, ContextValue, ErrorKind as K};
    let get = |kind: C| -> String {
        match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join("、"),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join("、"),
            Some(ContextValue::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let suggestion = |kind: C| {
        let s = get(kind);
        if s.is_empty() {
            String::new()
        } else {
            format!("（是想用 '{s}' 吗？）")
        }
    };
    let message = match e.kind() {
        K::InvalidValue => format!(
            "'{}' 不是 {} 的有效值；可选：{}",
            get(C::InvalidValue),
            get(C::InvalidArg),
            get(C::ValidValue)
        ),
        K::ValueValidation => {
            let why = std::error::Error::source(e).map_or(String::new(), |s| format!("：{s}"));
            format!(
                "{} 的值 '{}' 无效{why}",
                get(C::InvalidArg),
                get(C::InvalidValue)
            )
        }
        K::UnknownArgument => format!(
            "没有 '{}' 这个选项{}",
            get(C::InvalidArg),
            suggestion(C::SuggestedArg)
        ),
        K::InvalidSubcommand => format!(
            "没有 '{}' 这个命令{}",
            get(C::InvalidSubcommand),
            suggestion(C::SuggestedSubcommand)
        ),
        K::MissingRequiredArgument => format!("缺少必需的参数：{}", get(C::InvalidArg)),
        K::ArgumentConflict => format!(
            "{} 不能与 {} 同时使用",
            get(C::InvalidArg),
            get(C::PriorArg)
        ),
        K::NoEquals | K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues => {
            format!("{} 的值的个数不对", get(C::InvalidArg))
        }
        _ => return None,
    };
    // i18n-exempt: this is the Chinese (clap's English is its own)
    Some(format!("错误：{message}\n\n更多信息请用 '--help'。\n"))
}
