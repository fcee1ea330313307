//! Tests of finding a pointer's line and column in YAML and JSON text.
use super::*;
use reference::escape_segment;

/// Every pointer of a document: each node's, and one past each object's keys.
fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    out.push(if at.is_empty() {
        "#".to_owned()
    } else {
        format!("#{at}")
    });
    match value {
        serde_json::Value::Object(map) => {
            out.push(format!("#{at}/no~1such"));
            for (key, child) in map {
                pointers(child, format!("{at}/{}", escape_segment(key)), out);
            }
        }
        serde_json::Value::Array(items) => {
            out.push(format!("#{at}/{}", items.len()));
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Keys written in every way YAML allows a block key, each found as the scan finds it.
#[test]
fn tricky_block_keys_are_found_as_the_scan_finds_them() {
    let yaml = r#"a:
  plain: 1
  "double \"quoted\\": 2
  'single ''quoted''': 3
  'it''s: odd': 4
  "a: b": 5
  "x: y": z
  "tab \t here": 6
  '': 7
  k:v: 8
  tab:	9
  seq:
    - first: 1
      second: 2
    -
      third: 3
    - - nested
"#;
    let value = crate::load::parse(yaml.as_bytes(), "x").unwrap().value;
    let mut all = Vec::new();
    pointers(&value, String::new(), &mut all);
    for extra in [
        "#/a/x",
        "#/a/\"x",
        "#/a/tab \t here",
        "#/a/k",
        "#/a/seq/2/0",
        "#/a/seq/9",
    ] {
        all.push(extra.to_owned());
    }
    let asked: Vec<&str> = all.iter().map(String::as_str).collect();
    let found = locate_all(yaml, &asked);
    assert_eq!(found.len(), all.len());
    for (pointer, found) in all.iter().zip(found) {
        assert_eq!(found, reference::find(yaml, pointer), "{pointer}");
    }
    assert!(all.len() > 20, "{}", all.len());
}

/// The indexed locator finds what reading the text from the start finds, for every
/// pointer of every fixture and hostile spec, in YAML and in JSON.
#[test]
fn the_index_finds_what_a_scan_from_the_start_finds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut compared = 0;
    let mut against_index = 0;
    let mut specs = 0;
    for dir in ["fixtures", "hostile/accept", "hostile/reject"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Ok(crate::load::Parsed { value, .. }) = crate::load::parse(text.as_bytes(), "x")
            else {
                continue;
            };
            let json = serde_json::to_string_pretty(&value).unwrap();
            for text in [text.as_str(), json.as_str()] {
                let mut all = Vec::new();
                pointers(&value, String::new(), &mut all);
                // The scan from the start is slow: a large document is sampled evenly. All
                // the sampled pointers are asked for at once, as a run asks for its warnings'.
                let stride = all.len().div_ceil(400);
                let asked: Vec<&str> = all.iter().step_by(stride).map(String::as_str).collect();
                let found = locate_all(text, &asked);
                assert_eq!(found.len(), asked.len());
                for (pointer, found) in asked.iter().zip(found) {
                    let expected = reference::find(text, pointer);
                    assert_eq!(found, expected, "{}: {pointer}", path.display());
                    compared += 1;
                }
                if is_json(text) {
                    // Every pointer, against the index of every node it replaced.
                    let asked: Vec<&str> = all.iter().map(String::as_str).collect();
                    let index = reference::full_index(text);
                    for (pointer, found) in asked.iter().zip(locate_all(text, &asked)) {
                        let expected = reference::find_in(&index, pointer);
                        assert_eq!(found, expected, "{}: {pointer}", path.display());
                        against_index += 1;
                    }
                }
                specs += 1;
            }
        }
    }
    assert!(specs >= 80, "only {specs} documents compared");
    assert!(compared > 5_000, "only {compared} pointers compared");
    assert!(
        against_index > 20_000,
        "only {against_index} pointers compared with the full index"
    );
}

fn find(text: &str, pointer: &str) -> Option<(usize, usize)> {
    locate_all(text, &[pointer])[0]
}

const YAML: &str = "openapi: 3.0.3\npaths:\n  /a/{id}:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                required: 7\ncomponents:\n  schemas:\n    List:\n      allOf:\n        - $ref: '#/x'\n        - type: object\n          properties:\n            n: {type: integer}\n";

#[test]
fn yaml_block_keys_and_items() {
    assert_eq!(
        find(YAML, "#/paths/~1a~1{id}/get/responses/200"),
        Some((6, 9))
    );
    assert_eq!(
        find(
            YAML,
            "#/paths/~1a~1{id}/get/responses/200/content/application~1json/schema/required"
        ),
        Some((12, 17))
    );
    assert_eq!(
        find(YAML, "#/components/schemas/List/allOf/1/properties/n"),
        Some((20, 13))
    );
    // Inside a flow mapping the deepest block key is as far as it goes.
    assert_eq!(
        find(YAML, "#/components/schemas/List/allOf/1/properties/n/type"),
        Some((20, 13))
    );
    assert_eq!(find(YAML, "#/nothing/here"), None);
}

#[test]
fn json_keys_and_indices() {
    let json = "{\n  \"paths\": {\n    \"/a\": {\"get\": {\"tags\": [\"x\", \"y\"]}}\n  }\n}";
    assert_eq!(find(json, "#/paths/~1a/get"), Some((3, 12)));
    assert_eq!(find(json, "#/paths/~1a/get/tags"), Some((3, 20)));
    assert_eq!(find(json, "#/paths/~1b"), Some((2, 3)));
}

/// Keys with escapes, raw non-ASCII, `/` and `~`, a duplicate key, empty and nested arrays,
/// written compactly and spread over lines: each found where the index of every node found
/// it, asked for all at once and one at a time. (The scan from the start reads only `\"` and
/// `\\` in keys, so it misses `caf\u00e9`.)
#[test]
fn tricky_json_keys_are_found_as_the_scan_finds_them() {
    let compact = r#"{"a":{"q\"uo\\te":1,"caf\u00e9":2,"thé":3,"x/y~z":[[],[1,{"k":[]}],{"d":1,"d":2}],"d":{"e":[0,1]},"d":5,"":{"":6}},"b":[{"c":"v,]"},"w\"}"]}"#;
    let value: serde_json::Value = serde_json::from_str(compact).unwrap();
    let spread = compact.replace(',', ",\n  ").replace('{', "{\n");
    let mut all = Vec::new();
    pointers(&value, String::new(), &mut all);
    all.extend(
        [
            "#/a/d/e/1",
            "#/a/x~1y~0z/2/d",
            "#/a/x~1y~0z/1/1/k/0",
            "#/b/0/c/x",
        ]
        .map(String::from),
    );
    for text in [compact, spread.as_str()] {
        let asked: Vec<&str> = all.iter().map(String::as_str).collect();
        let together = locate_all(text, &asked);
        assert_eq!(together.len(), all.len());
        for (pointer, found) in all.iter().zip(together) {
            let expected = reference::find_in_full_index(text, pointer);
            assert_eq!(found, expected, "{pointer} in {text}");
            assert_eq!(find(text, pointer), expected, "{pointer} alone in {text}");
        }
    }
    assert!(all.len() > 25, "{}", all.len());
}
