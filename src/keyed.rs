//! Enums whose values are written as fixed keys: in the JSON files
//! (`"recipient": "regions"`) and in the address (`view=bridge`).

/// Declares such an enum, with `ALL`, `KEYS`, `key()` and `from_key()`.
/// Attributes (docs, derives) go before `pub enum`, as on any enum.
macro_rules! keyed_enum {
    ($(#[$attr:meta])* $vis:vis enum $name:ident { $($(#[$vattr:meta])* $variant:ident = $key:literal,)* }) => {
        $(#[$attr])*
        $vis enum $name {
            $($(#[$vattr])* $variant,)*
        }

        impl $name {
            /// Every value, in the order shown.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            /// Every key, in the same order.
            pub const KEYS: &'static [&'static str] = &[$($key,)*];

            /// The value's key.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)*
                }
            }

            /// Reads a key; anything else is `None`.
            pub fn from_key(key: &str) -> Option<Self> {
                match key {
                    $($key => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl $crate::keyed::Keyed for $name {
            fn key(self) -> &'static str {
                $name::key(self)
            }
        }
    };
}

/// A value written as a fixed key; every [`keyed_enum!`] is one. Lets a
/// control (a group of radios) take any such enum.
pub trait Keyed: Copy + PartialEq + Send + Sync + 'static {
    /// The value's key.
    fn key(self) -> &'static str;
}

pub(crate) use keyed_enum;
