//! A JSON value built from YAML or JSON text, more tolerant than `serde_json::Value` of what
//! real specs hold and stricter where it matters. Where the value cannot hold what the text
//! says, the change is recorded with its place, for a warning:
//!
//! - integers beyond 64 bits (`minimum: -9223372036854776000`) become the nearest
//!   floating-point number instead of failing the whole document;
//! - YAML's `.nan` and `.inf`, which JSON cannot hold, become `null`;
//! - YAML keys that are not strings become their text: integers (`200:`) exactly, booleans,
//!   `null` and floats as serde reads them back, which may differ from what was written;
//! - a key given twice in one mapping is an error, rather than one value silently winning.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::map::Entry;
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// A value changed on reading: the JSON pointer of its place, and what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub pointer: String,
    pub message: String,
}

/// Reads a whole document with `deserializer`, with the changes made on the way.
pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<(Value, Vec<Change>), D::Error> {
    let changes = RefCell::new(Vec::new());
    let value = Seed {
        at: &Place::Root,
        changes: &changes,
    }
    .deserialize(deserializer)?;
    Ok((value, changes.into_inner()))
}

/// Where a value stands, as a chain up to the root: built on the stack, so reading costs no
/// allocation, and spelled as a pointer only when a change is recorded.
enum Place<'p> {
    Root,
    Key(&'p Place<'p>, &'p str),
    Index(&'p Place<'p>, usize),
}

impl Place<'_> {
    fn pointer(&self) -> String {
        let mut segments = Vec::new();
        let mut current = self;
        loop {
            match current {
                Place::Root => break,
                Place::Key(parent, key) => {
                    segments.push((*key).to_owned());
                    current = parent;
                }
                Place::Index(parent, i) => {
                    segments.push(i.to_string());
                    current = parent;
                }
            }
        }
        segments.reverse();
        let refs: Vec<&str> = segments.iter().map(String::as_str).collect();
        crate::pointer::pointer(&refs)
    }
}

#[derive(Clone, Copy)]
struct Seed<'p> {
    at: &'p Place<'p>,
    changes: &'p RefCell<Vec<Change>>,
}

impl Seed<'_> {
    fn record(&self, message: String) {
        self.changes.borrow_mut().push(Change {
            pointer: self.at.pointer(),
            message,
        });
    }

    fn float(&self, value: f64) -> Value {
        match Number::from_f64(value) {
            Some(number) => Value::Number(number),
            None => {
                let spelled = if value.is_nan() {
                    ".nan"
                } else if value > 0.0 {
                    ".inf"
                } else {
                    "-.inf"
                };
                self.record(format!(
                    "the number `{spelled}` has no JSON form; it is read as `null`"
                ));
                Value::Null
            }
        }
    }

    fn wide(&self, text: String, value: f64) -> Value {
        let read = self.float(value);
        self.record(format!(
            "the integer {text} does not fit in 64 bits; it is read as the nearest number, {read}"
        ));
        read
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML or JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(match (i64::try_from(v), u64::try_from(v)) {
            (Ok(v), _) => Value::Number(v.into()),
            (_, Ok(v)) => Value::Number(v.into()),
            _ => self.wide(v.to_string(), v as f64),
        })
    }

    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(match u64::try_from(v) {
            Ok(v) => Value::Number(v.into()),
            Err(_) => self.wide(v.to_string(), v as f64),
        })
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // A JSON integer beyond 64 bits reaches here as a float: the text is gone, so any
        // whole number out of the 64-bit range is noted (one written as a float is read
        // exactly, and the note says no more than that it is a float now).
        if v.is_finite()
            && v.fract() == 0.0
            && !(-9.223_372_036_854_776e18..1.844_674_407_370_955_2e19).contains(&v)
        {
            self.record(format!(
                "the number {v} is beyond the 64-bit integers; it is read as a floating-point number, which keeps about 16 digits"
            ));
        }
        Ok(self.float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            let at = Place::Index(self.at, items.len());
            let seed = Seed {
                at: &at,
                changes: self.changes,
            };
            match seq.next_element_seed(seed)? {
                Some(item) => items.push(item),
                None => break,
            }
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key_seed(KeySeed(self))? {
            let at = Place::Key(self.at, &key);
            let seed = Seed {
                at: &at,
                changes: self.changes,
            };
            let value = map.next_value_seed(seed)?;
            match out.entry(key) {
                Entry::Occupied(taken) => {
                    return Err(de::Error::custom(format_args!(
                        "duplicate key `{}`",
                        taken.key()
                    )))
                }
                Entry::Vacant(free) => {
                    free.insert(value);
                }
            }
        }
        Ok(Value::Object(out))
    }
}

/// A mapping key as text, whatever scalar the YAML wrote, recorded where the text may not be
/// what was written.
struct KeySeed<'p>(Seed<'p>);

impl KeySeed<'_> {
    fn changed(&self, key: String, kind: &str) -> String {
        let at = Place::Key(self.0.at, &key);
        self.0.changes.borrow_mut().push(Change {
            pointer: at.pointer(),
            message: format!(
                "this key is a {kind}, not a string; it is read as the text `{key}`, which may not be how it is written (quote it to be sure)"
            ),
        });
        key
    }
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Visitor<'_> for KeySeed<'_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_str<E>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    // An unquoted integer key (`200:`, a status) reads as its digits.
    fn visit_i64<E>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i128<E>(self, v: i128) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u128<E>(self, v: u128) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_bool<E>(self, v: bool) -> Result<String, E> {
        Ok(self.changed(v.to_string(), "boolean"))
    }

    fn visit_f64<E>(self, v: f64) -> Result<String, E> {
        Ok(self.changed(v.to_string(), "number"))
    }

    fn visit_unit<E>(self) -> Result<String, E> {
        Ok(self.changed("null".to_owned(), "null"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Result<(Value, Vec<Change>), serde_yaml::Error> {
        read(serde_yaml::Deserializer::from_str(text))
    }

    fn places(changes: &[Change]) -> Vec<&str> {
        changes.iter().map(|c| c.pointer.as_str()).collect()
    }

    #[test]
    fn huge_integers_become_floats_with_their_places() {
        let (v, changes) = yaml(
            "minimum: -9223372036854776000\nnested: {list: [1, 18446744073709551616]}\nok: 5\nbig: 18446744073709551615\n",
        )
        .unwrap();
        assert!(v["minimum"].is_f64() && v["nested"]["list"][1].is_f64());
        assert_eq!(v["ok"], Value::from(5));
        assert_eq!(v["big"], Value::from(u64::MAX));
        assert_eq!(places(&changes), ["#/minimum", "#/nested/list/1"]);
        assert!(
            changes[0].message.contains("-9223372036854776000"),
            "{changes:?}"
        );
    }

    #[test]
    fn json_integers_beyond_64_bits_are_noted() {
        let text = r#"{"a": 18446744073709551616, "b": 1.5, "c": 9007199254740993}"#;
        let (v, changes) = read(&mut serde_json::Deserializer::from_str(text)).unwrap();
        assert!(v["a"].is_f64());
        assert_eq!(v["c"], Value::from(9007199254740993u64));
        assert_eq!(places(&changes), ["#/a"]);
    }

    #[test]
    fn nan_and_infinity_become_null_with_their_places() {
        let (v, changes) = yaml("a: .nan\nb: [.inf, -.inf, 1.5]\n").unwrap();
        assert_eq!(v["a"], Value::Null);
        assert_eq!(v["b"], serde_json::json!([null, null, 1.5]));
        assert_eq!(places(&changes), ["#/a", "#/b/0", "#/b/1"]);
    }

    #[test]
    fn non_string_keys_become_text() {
        let (v, changes) = yaml("200: a\ntrue: b\n~: c\n1.5: d\nx/y: {false: e}\n").unwrap();
        assert_eq!(v["200"], "a");
        assert_eq!(v["true"], "b");
        assert_eq!(v["null"], "c");
        assert_eq!(v["1.5"], "d");
        // Integer keys are their digits; the others are noted.
        assert_eq!(
            places(&changes),
            ["#/true", "#/null", "#/1.5", "#/x~1y/false"]
        );
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = yaml("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert!(err.to_string().contains("duplicate"), "{err}");
        let err = read(&mut serde_json::Deserializer::from_str(
            r#"{"a": 1, "a": 2}"#,
        ))
        .err()
        .unwrap();
        assert!(err.to_string().contains("duplicate key `a`"), "{err}");
    }
}
