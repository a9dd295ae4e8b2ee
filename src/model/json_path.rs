//! The JSON paths that name where a problem is (`allocations[3].amount`),
//! built the same way by the structure scan and by the reader.

/// Joins a field name to a path: `allocations[3]` + `amount`.
pub(crate) fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// Joins a list index to a path: `allocations` + 3.
pub(crate) fn index(path: &str, position: usize) -> String {
    format!("{path}[{position}]")
}
