//! Macros that declare the workspace's records and word lists.
//!
//! Records are hand-rolled instead of `#[derive(Deserialize)]` with
//! `#[serde(flatten)]` because flatten buffers the whole object before
//! deserialising it: every error would then point at the closing brace instead
//! of the offending value, and unknown enum values would lose their position.
//! The visitor generated here reads each known field straight from the parser
//! (so `serde_json` reports the exact line and column) and keeps every unknown
//! field in `extra`, which is written back after the known fields.

/// A JSON object key, borrowed from the input when it has no escapes.
pub(crate) struct Key<'de>(pub std::borrow::Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(crate::i18n::t("a field name"))
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> ::core::result::Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> ::core::result::Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> ::core::result::Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// A record's fields as map entries, so that output can add fields after
/// them (`list --format json` adds `probability_used` and `weighted`).
pub trait Entries {
    fn entry_count(&self) -> usize;
    fn serialize_entries<M: serde::ser::SerializeMap>(
        &self,
        m: &mut M,
    ) -> ::core::result::Result<(), M::Error>;
}

/// A record followed by computed fields, serialised as one object.
pub struct Augmented<'a, T> {
    pub record: &'a T,
    pub more: Vec<(&'static str, serde_json::Value)>,
}

impl<T: Entries> serde::Serialize for Augmented<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.record.entry_count() + self.more.len()))?;
        self.record.serialize_entries(&mut m)?;
        for (k, v) in &self.more {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Declares a record of the workspace file.
///
/// Each field is `name: Type = kind` where kind is `required` (absent is an
/// error), `default` (absent or null gives `Default::default()`),
/// `or(expr)` (absent or null gives `expr`) or `lenient` (an `Option` that is
/// written only when set, and whose value, when it does not read as the type,
/// is kept unchanged in `extra` instead of making the file unreadable: for
/// fields the format leaves to the program, such as the review walk's
/// progress), `skip_empty` (a list read like `default` and written only
/// when it holds something: for lists most files never have, such as the
/// merge's `conflicts`, so adding one leaves every other file's bytes as
/// they were) or `shadow(f)` (read like `default`, but written as `f(&self)`:
/// an older spelling of another field, kept for older readers). Fields are
/// written in the order declared, then the unknown fields in key order, so
/// output is stable. `finish(f)` after the name runs `f(&mut record)` once
/// the record is read (to fold an older spelling into the newer field).
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident ($expecting:literal) $(finish($finish:path))? {
            $( $(#[$fmeta:meta])* $field:ident : $fty:ty = $kind:ident $( ( $dflt:expr ) )? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $fty, )*
            /// Fields this version does not know, kept and written back unchanged.
            pub extra: $crate::domain::Extra,
        }

        impl Default for $name {
            fn default() -> Self {
                $name {
                    $( $field: $crate::domain::record::record_default!($kind $(, $dflt)?), )*
                    extra: Default::default(),
                }
            }
        }

        impl $crate::domain::record::Entries for $name {
            fn entry_count(&self) -> usize {
                let known = 0 $( + usize::from($crate::domain::record::record_present!($kind, self.$field)) )*;
                known + self.extra.len()
            }
            fn serialize_entries<M: serde::ser::SerializeMap>(&self, m: &mut M) -> ::core::result::Result<(), M::Error> {
                $( if $crate::domain::record::record_present!($kind, self.$field) {
                    m.serialize_entry(stringify!($field), &$crate::domain::record::record_written!($kind, self, $field $(, $dflt)?))?;
                } )*
                for (k, v) in &self.extra {
                    m.serialize_entry(k, v)?;
                }
                Ok(())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(Some($crate::domain::record::Entries::entry_count(self)))?;
                $crate::domain::record::Entries::serialize_entries(self, &mut m)?;
                m.end()
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                struct V;
                impl<'de> serde::de::Visitor<'de> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(crate::i18n::t($expecting))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<$name, A::Error> {
                        use serde::de::Error as _;
                        $( let mut $field: Option<$fty> = None; )*
                        let mut extra = $crate::domain::Extra::new();
                        while let Some(key) = map.next_key::<$crate::domain::record::Key<'de>>()? {
                            match key.0.as_ref() {
                                $( stringify!($field) => {
                                    if $field.is_some() {
                                        return Err(A::Error::custom(concat!("duplicate field \"", stringify!($field), "\"")));
                                    }
                                    $field = Some($crate::domain::record::record_read!($kind, map, $fty, extra, $field $(, $dflt)?));
                                } )*
                                other => {
                                    let value = map.next_value::<$crate::domain::exact_json::ExactValue>()?.0;
                                    if extra.insert(other.to_owned(), value).is_some() {
                                        return Err(A::Error::custom(format!("duplicate field \"{other}\"")));
                                    }
                                }
                            }
                        }
                        #[allow(unused_mut)]
                        let mut record = $name {
                            $( $field: $crate::domain::record::record_finish!($kind, $field, A $(, $dflt)?), )*
                            extra,
                        };
                        $( $finish(&mut record); )?
                        Ok(record)
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
}

macro_rules! record_default {
    (shadow, $d:expr) => {
        Default::default()
    };
    (required) => {
        Default::default()
    };
    (default) => {
        Default::default()
    };
    (skip_empty) => {
        Default::default()
    };
    (lenient) => {
        None
    };
    (or, $d:expr) => {
        $d
    };
}

macro_rules! record_read {
    (required, $map:ident, $fty:ty, $extra:ident, $field:ident) => {
        $map.next_value::<$fty>()?
    };
    (default, $map:ident, $fty:ty, $extra:ident, $field:ident) => {
        $map.next_value::<Option<$fty>>()?.unwrap_or_default()
    };
    (skip_empty, $map:ident, $fty:ty, $extra:ident, $field:ident) => {
        $map.next_value::<Option<$fty>>()?.unwrap_or_default()
    };
    (or, $map:ident, $fty:ty, $extra:ident, $field:ident, $d:expr) => {
        $map.next_value::<Option<$fty>>()?.unwrap_or_else(|| $d)
    };
    (shadow, $map:ident, $fty:ty, $extra:ident, $field:ident, $d:expr) => {
        $map.next_value::<Option<$fty>>()?.unwrap_or_default()
    };
    (lenient, $map:ident, $fty:ty, $extra:ident, $field:ident) => {{
        let value = $map
            .next_value::<$crate::domain::exact_json::ExactValue>()?
            .0;
        match <$fty as serde::Deserialize>::deserialize(&value) {
            Ok(v) => v,
            Err(_) => {
                $extra.insert(stringify!($field).to_owned(), value);
                None
            }
        }
    }};
}

/// What is written for a field: a `shadow` one from its function.
macro_rules! record_written {
    (shadow, $self:ident, $field:ident, $f:expr) => {
        $f($self)
    };
    ($kind:ident, $self:ident, $field:ident $(, $d:expr)?) => {
        $self.$field
    };
}

/// Whether a field is written: a `lenient` one only when it is set, a
/// `skip_empty` one only when it is not empty.
macro_rules! record_present {
    (lenient, $v:expr) => {
        $v.is_some()
    };
    (skip_empty, $v:expr) => {
        !$v.is_empty()
    };
    ($kind:ident, $v:expr) => {
        true
    };
}

macro_rules! record_finish {
    (required, $v:ident, $A:ident) => {
        match $v {
            Some(v) => v,
            None => {
                return Err(<$A::Error as serde::de::Error>::missing_field(stringify!(
                    $v
                )))
            }
        }
    };
    (default, $v:ident, $A:ident) => {
        $v.unwrap_or_default()
    };
    (skip_empty, $v:ident, $A:ident) => {
        $v.unwrap_or_default()
    };
    (lenient, $v:ident, $A:ident) => {
        $v.flatten()
    };
    (or, $v:ident, $A:ident, $d:expr) => {
        $v.unwrap_or_else(|| $d)
    };
    (shadow, $v:ident, $A:ident, $d:expr) => {
        $v.unwrap_or_default()
    };
}

/// Declares a closed list of snake_case words (a JSON string enum) whose
/// unknown values are refused with the list of what is accepted.
macro_rules! words {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) { $( $(#[$vmeta:meta])* $var:ident = $s:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $( $(#[$vmeta])* $var ),+ }

        impl $name {
            /// Every value, in the order the method lists them.
            pub const ALL: &'static [$name] = &[$( $name::$var ),+];

            /// The spelling used in the workspace file.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$var => $s ),+ }
            }

            /// How the word reads for people in this thread's language
            /// (`decision maker`; 决策人 in Chinese).
            pub fn label(self) -> String {
                crate::i18n::word($what, self.as_str())
            }

            /// The word as a table or a status line shows it: as the file
            /// spells it in English (`non_supporter`, what filters and
            /// scripts match), the course's term in Chinese.
            pub fn shown(self) -> String {
                match crate::i18n::lang() {
                    crate::i18n::Lang::En => self.as_str().to_owned(),
                    crate::i18n::Lang::Zh => self.label(),
                }
            }

            /// Reads the workspace spelling.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $( $s => Some($name::$var), )+ _ => None }
            }

            /// `unknown stage "x", expected one of qualify, drive, …`
            pub fn unknown_message(found: &str) -> String {
                let all: Vec<&str> = Self::ALL.iter().map(|w| w.as_str()).collect();
                crate::tf!(
                    "unknown {what} {found}, expected one of {all}",
                    what = crate::i18n::t($what),
                    found = format!("{found:?}"),
                    all = all.join(", ")
                )
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                struct V;
                impl<'de> serde::de::Visitor<'de> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(&crate::tf!("a {what} (a string)", what = crate::i18n::t($what)))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> ::core::result::Result<$name, E> {
                        $name::parse(v).ok_or_else(|| E::custom($name::unknown_message(v)))
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

pub(crate) use {
    record, record_default, record_finish, record_present, record_read, record_written, words,
};
