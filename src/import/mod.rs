//! Reading CRM exports (CSV): recognising the columns of common exports,
//! mapping stages, reading amounts and dates as people write them, and
//! merging into the workspace so that importing the same file twice changes
//! nothing. Pure: bytes in, a merged workspace (or precise problems) out.

// activities (tasks and calls read) and activity_merge (where each lands);
// history (stage-history exports read) and history_merge (onto the deals);
// sheet (xlsx/xls/ods cells into the rows a CSV gives); columns (which column feeds which field), values (amounts, dates, stage
// names), status (closed/won/status columns), read (the CSV into rows or
// problems; decode and sniff find its encoding and delimiter), currency (one
// per workspace, --rate), source (the name that
// qualifies imported ids), merge (rows into the workspace). Callers use the re-exports, so `crate::import::read` and the
// rest keep the paths the CLI and the tests know.
mod activities;
mod activity_merge;
mod columns;
mod contacts;
mod currency;
mod decode;
mod history;
mod history_merge;
mod merge;
mod read;
mod sheet;
mod sniff;
mod source;
mod status;
mod values;

pub use activities::{ACTIVITY_FIELDS, Activities, read_activities};
pub use activity_merge::{ActivitySummary, merge_activities};
pub use columns::Field;
pub use contacts::{
    CONTACT_FIELDS, ContactRead, ContactRow, ContactSummary, contact_source, merge_contacts,
    read_contacts,
};
pub use currency::{
    convert as convert_currency, most as most_rows_currency, single as single_currency,
};
pub use decode::{Decoded, decode};
pub use history::{HISTORY_FIELDS, History, HistoryCol, StageRow, read_history};
pub use history_merge::{HistorySummary, merge_history};
pub use merge::{Summary, describe_columns, merge};
pub use read::{
    Failed, How, Input, Options, Problem, Read, ReadOptions, Row, read, read_all, read_cells,
};
pub use sheet::cells as sheet_cells;
pub use sniff::delimiter as guess_delimiter;
pub use source::{check_id_column, guess as guess_source};
pub use values::{DateOrder, Place, parse_amount, parse_place};
