//! A JSON value built from YAML or JSON text, more tolerant than `serde_json::Value` of what
//! real specs hold and stricter where it matters:
//!
//! - integers beyond 64 bits (`minimum: -9223372036854776000`) become floating-point numbers
//!   instead of failing the whole document;
//! - YAML keys that are not strings (`200:`, `true:`) become their text;
//! - a key given twice in one mapping is an error, rather than one value silently winning.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::map::Entry;
use serde_json::{Map, Number, Value};
use std::fmt;

pub struct Lenient(pub Value);

impl<'de> Deserialize<'de> for Lenient {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor).map(Lenient)
    }
}

struct ValueVisitor;

fn float(value: f64) -> Value {
    // YAML's `.inf` and `.nan` have no JSON form; no OpenAPI keyword needs them.
    Number::from_f64(value).map_or(Value::Null, Value::Number)
}

impl<'de> Visitor<'de> for ValueVisitor {
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
        Ok(i64::try_from(v).map_or_else(|_| float(v as f64), |v| Value::Number(v.into())))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(u64::try_from(v).map_or_else(|_| float(v as f64), |v| Value::Number(v.into())))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(float(v))
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
        while let Some(Lenient(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(Key(key)) = map.next_key()? {
            let Lenient(value) = map.next_value()?;
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

/// A mapping key as text, whatever scalar the YAML wrote.
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeyVisitor).map(Key)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
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

    fn visit_bool<E>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }

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

    fn visit_f64<E>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_unit<E>(self) -> Result<String, E> {
        Ok("null".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Result<Value, serde_yaml::Error> {
        serde_yaml::from_str::<Lenient>(text).map(|l| l.0)
    }

    #[test]
    fn huge_integers_become_floats() {
        let v =
            yaml("minimum: -9223372036854776000\nmaximum: 18446744073709551616\nok: 5\n").unwrap();
        assert!(v["minimum"].is_f64() && v["maximum"].is_f64());
        assert_eq!(v["ok"], Value::from(5));
    }

    #[test]
    fn non_string_keys_become_text() {
        let v = yaml("200: a\ntrue: b\n~: c\n").unwrap();
        assert_eq!(v["200"], "a");
        assert_eq!(v["true"], "b");
        assert_eq!(v["null"], "c");
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = yaml("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert!(err.to_string().contains("duplicate"), "{err}");
        let err = serde_json::from_str::<Lenient>(r#"{"a": 1, "a": 2}"#)
            .err()
            .unwrap();
        assert!(err.to_string().contains("duplicate key `a`"), "{err}");
    }
}
