/// How well a JSON value fits a struct alternative of a union: `None` when it is not
/// an object or lacks a required property, else one more than the number of its
/// properties the struct declares, so that the most specific alternative wins.
pub fn fit(value: &::serde_json::Value, required: &[&str], known: &[&str]) -> ::std::option::Option<usize> {
    let object = value.as_object()?;
    if !required.iter().all(|key| object.contains_key(*key)) {
        return ::std::option::Option::None;
    }
    ::std::option::Option::Some(1 + object.keys().filter(|key| known.contains(&key.as_str())).count())
}
