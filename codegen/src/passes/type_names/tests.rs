//! The naming rules one at a time, on small lists of types written out here rather than on
//! whole fixture crates.

use super::*;

/// One type of a table: its module, scope, base, parent (an index into the table), the name
/// it gives itself, whether it is named after its parent, and its variant and side.
pub(super) struct Row {
    pub(super) module: Module,
    pub(super) scope: &'static str,
    pub(super) base: &'static str,
    pub(super) parent: Option<usize>,
    pub(super) preferred: Option<&'static str>,
    pub(super) after_parent: bool,
    pub(super) position: Option<usize>,
    pub(super) place: Option<(usize, Side)>,
    pub(super) reserved: bool,
}

/// A type of the operations module, nested in `parent` (or a body, without one), on
/// `side` of variant `variant`.
pub(super) fn op(
    scope: &'static str,
    base: &'static str,
    parent: Option<usize>,
    place: (usize, Side),
) -> Row {
    Row {
        module: Module::Operations,
        scope,
        base,
        parent,
        preferred: None,
        after_parent: false,
        position: None,
        place: Some(place),
        reserved: false,
    }
}

pub(super) fn component(base: &'static str, parent: Option<usize>) -> Row {
    Row {
        module: Module::Components,
        scope: "",
        base,
        parent,
        preferred: None,
        after_parent: false,
        position: None,
        place: None,
        reserved: false,
    }
}

/// A type nested in a component: the component's name is its scope.
pub(super) fn in_component(scope: &'static str, base: &'static str, parent: usize) -> Row {
    Row {
        scope,
        ..component(base, Some(parent))
    }
}

/// `row` as the alternative at `position` (from 1) of a union.
pub(super) fn alternative(row: Row, position: usize) -> Row {
    Row {
        position: Some(position),
        ..row
    }
}

pub(super) fn preferring(row: Row, name: &'static str) -> Row {
    Row {
        preferred: Some(name),
        ..row
    }
}

/// The names the rules give the rows, and the numbered ones as `(index, wanted, given)`.
pub(super) fn name(
    rows: &[Row],
    shared: &[(usize, usize)],
) -> (Vec<String>, Vec<(usize, String, String)>) {
    let hints: Vec<NameHint> = rows
        .iter()
        .map(|r| NameHint {
            scope: r.scope.to_owned(),
            base: r.base.to_owned(),
            parent: r.parent.map(TypeId),
            preferred: r.preferred.map(str::to_owned),
            after_parent: r.after_parent,
            position: r.position,
        })
        .collect();
    let types: Vec<Wanted> = rows
        .iter()
        .zip(&hints)
        .map(|(r, hint)| Wanted {
            module: r.module,
            hint,
            place: r.place.map(|(variant, side)| Place { variant, side }),
            reserved: r.reserved,
        })
        .collect();
    let shared: Vec<(TypeId, TypeId)> = shared
        .iter()
        .map(|&(a, b)| (TypeId(a), TypeId(b)))
        .collect();
    let (names, numbered) = unique_names(&types, &shared);
    let numbered = numbered
        .into_iter()
        .map(|n| (n.id.0, n.wanted, n.given))
        .collect();
    (names, numbered)
}

pub(super) const REQ: Side = Side::Request;
pub(super) const RESP: Side = Side::Response;

#[test]
fn a_body_is_its_scope_and_base() {
    let rows = [
        op("CreatePet", "RequestBody", None, (0, REQ)),
        op("CreatePet", "ResponseBody", None, (0, RESP)),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(names, ["CreatePetRequestBody", "CreatePetResponseBody"]);
    assert!(numbered.is_empty());
}

#[test]
fn a_name_the_schema_gives_itself_is_taken_where_free() {
    let rows = [
        preferring(component("Animal", None), "Pet"),
        // Wanted by an earlier type: the name from context instead, with no warning.
        preferring(component("Dog", None), "pet"),
        // Another module: the same name is free there.
        preferring(op("GetPet", "ResponseBody", None, (0, RESP)), "Pet"),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(names, ["Pet", "Dog", "Pet"]);
    assert!(numbered.is_empty());
}

#[test]
fn a_nested_type_alone_with_its_base_goes_by_the_base() {
    let rows = [
        op("CreatePet", "RequestBody", None, (0, REQ)),
        op("CreatePet", "Key", Some(0), (0, REQ)),
        // Two nested types of one module want `Tag`: each takes its scope.
        op("CreatePet", "Tag", Some(0), (0, REQ)),
        op("UpdatePet", "RequestBody", None, (1, REQ)),
        op("UpdatePet", "Tag", Some(3), (1, REQ)),
        // A component's nested type is alone in its own module.
        component("Owner", None),
        component("Tag", Some(5)),
    ];
    let (names, _) = name(&rows, &[]);
    assert_eq!(
        names,
        [
            "CreatePetRequestBody",
            "Key",
            "CreatePetTag",
            "UpdatePetRequestBody",
            "UpdatePetTag",
            "Owner",
            "Tag"
        ]
    );
}

#[test]
fn the_base_alone_yields_to_a_name_built_to_be_it() {
    // `Key` is alone with its base, but a body (later in the spec) is built to be named
    // `Key`: the types that may go by their base are named last, so the body keeps it and the
    // nested type takes its scope.
    let rows = [
        op("Get", "ResponseBody", None, (0, RESP)),
        op("Get", "Key", Some(0), (0, RESP)),
        op("Key", "", None, (1, RESP)),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(names, ["GetResponseBody", "GetKey", "Key"]);
    assert!(numbered.is_empty());
}

#[test]
fn of_contenders_the_one_nearest_the_body_keeps_the_name() {
    // `authorizationDetails.elements` and `grant.authorizationDetails.elements`, both items
    // named `Element` in one response: the nearer keeps `GetGrantElement`, the other takes
    // the part of its context no other contender has, `Grant`.
    let rows = [
        op("GetGrant", "ResponseBody", None, (0, RESP)),
        op("GetGrant", "AuthorizationDetails", Some(0), (0, RESP)),
        op("GetGrant", "Element", Some(1), (0, RESP)),
        op("GetGrant", "Grant", Some(0), (0, RESP)),
        op("GetGrant", "AuthorizationDetails", Some(3), (0, RESP)),
        op("GetGrant", "Element", Some(4), (0, RESP)),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(
        names,
        [
            "GetGrantResponseBody",
            "GetGrantAuthorizationDetails",
            "GetGrantElement",
            // Alone with its base in the module.
            "Grant",
            "GetGrantGrantAuthorizationDetails",
            "GetGrantGrantElement"
        ]
    );
    assert!(numbered.is_empty());
}

#[test]
fn contenders_equally_near_all_take_their_context() {
    let rows = [
        op("List", "ResponseBody", None, (0, RESP)),
        op("List", "Owner", Some(0), (0, RESP)),
        op("List", "Address", Some(1), (0, RESP)),
        op("List", "Shop", Some(0), (0, RESP)),
        op("List", "Address", Some(3), (0, RESP)),
    ];
    let (names, _) = name(&rows, &[]);
    assert_eq!(
        names,
        [
            "ListResponseBody",
            // Each alone with its base.
            "Owner",
            "ListOwnerAddress",
            "Shop",
            "ListShopAddress"
        ]
    );
}

#[test]
fn contenders_on_both_sides_take_their_side() {
    // Directly under each body: only the side tells them apart.
    let rows = [
        op("SetApp", "RequestBody", None, (0, REQ)),
        op("SetApp", "ApplicationType", Some(0), (0, REQ)),
        op("SetApp", "ResponseBody", None, (0, RESP)),
        op("SetApp", "ApplicationType", Some(2), (0, RESP)),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(
        names,
        [
            "SetAppRequestBody",
            "SetAppApplicationTypeRequest",
            "SetAppResponseBody",
            "SetAppApplicationTypeResponse"
        ]
    );
    assert!(numbered.is_empty());
}

#[test]
fn the_nearest_keeps_nothing_when_the_contenders_are_on_both_sides() {
    let rows = [
        op("SetApp", "RequestBody", None, (0, REQ)),
        op("SetApp", "Mode", Some(0), (0, REQ)),
        op("SetApp", "ResponseBody", None, (0, RESP)),
        op("SetApp", "Settings", Some(2), (0, RESP)),
        op("SetApp", "Mode", Some(3), (0, RESP)),
    ];
    let (names, _) = name(&rows, &[]);
    // The request's `Mode` is alone nearest its body, but the plain name would not say
    // which side it is: directly under its body, it takes its side; the other its context.
    assert_eq!(names[1], "SetAppModeRequest");
    assert_eq!(names[4], "SetAppSettingsMode");
}

#[test]
fn twins_in_one_context_take_their_side_then_context_and_side() {
    let rows = [
        op("Put", "RequestBody", None, (0, REQ)),
        op("Put", "Scope", Some(0), (0, REQ)),
        op("Put", "Attribute", Some(1), (0, REQ)),
        op("Put", "ResponseBody", None, (0, RESP)),
        op("Put", "Scope", Some(3), (0, RESP)),
        op("Put", "Attribute", Some(4), (0, RESP)),
        // Takes `PutAttributeRequest` first, so the request's twin goes on to its context.
        preferring(op("Put", "Other", Some(0), (0, REQ)), "PutAttributeRequest"),
    ];
    let (names, _) = name(&rows, &[]);
    assert_eq!(names[2], "PutScopeAttributeRequest");
    assert_eq!(names[5], "PutAttributeResponse");
    assert_eq!(names[6], "PutAttributeRequest");
}

#[test]
fn contenders_of_different_variants_do_not_meet() {
    // Two operations whose ids differ in case alone (`get_pets`, `getPets`) share a scope,
    // not a contest: each variant's `Item` is alone nearest its own body, so the first keeps
    // the name (were they one contest, neither would); the second finds it taken and takes
    // its parent's short name. The second body has no parent and is numbered.
    let rows = [
        op("GetPets", "ResponseBody", None, (0, RESP)),
        op("GetPets", "Item", Some(0), (0, RESP)),
        op("GetPets", "ResponseBody", None, (1, RESP)),
        op("GetPets", "Item", Some(2), (1, RESP)),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(
        names,
        [
            "GetPetsResponseBody",
            "GetPetsItem",
            "GetPetsResponseBody2",
            "GetPetsResponseBodyItem"
        ]
    );
    assert_eq!(
        numbered,
        [(
            2,
            "GetPetsResponseBody".to_owned(),
            "GetPetsResponseBody2".to_owned()
        )]
    );
}

#[test]
fn a_taken_name_takes_the_parents_short_name_then_a_number() {
    let rows = [
        op("Get", "ResponseBody", None, (0, RESP)),
        // Named first (fewer enclosing types, then arena order), they take what the `Item`
        // below would be called.
        preferring(op("Get", "One", Some(0), (0, RESP)), "GetItem"),
        op("Get", "Item", Some(0), (0, RESP)),
        op("List", "ResponseBody", None, (1, RESP)),
        op("List", "Item", Some(3), (1, RESP)),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(names[2], "GetResponseBodyItem");
    assert!(numbered.is_empty());
    // With that taken too (by a type named before it), a number, and a warning's record.
    let rows = [
        op("Get", "ResponseBody", None, (0, RESP)),
        preferring(op("Get", "One", Some(0), (0, RESP)), "GetItem"),
        preferring(op("Get", "Two", Some(0), (0, RESP)), "GetResponseBodyItem"),
        op("Get", "Item", Some(0), (0, RESP)),
        op("List", "ResponseBody", None, (1, RESP)),
        op("List", "Item", Some(4), (1, RESP)),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(names[3], "GetResponseBodyItem2");
    assert_eq!(
        numbered,
        [(
            3,
            "GetResponseBodyItem".to_owned(),
            "GetResponseBodyItem2".to_owned()
        )]
    );
}

#[test]
fn a_file_part_is_its_parent_then_its_base() {
    let rows = [
        op("RotatePDF", "Request", None, (0, REQ)),
        Row {
            after_parent: true,
            ..op("RotatePDF", "FileInput", Some(0), (0, REQ))
        },
        // Another type already has the name the part is built to have.
        preferring(
            op("Other", "ResponseBody", None, (1, RESP)),
            "RotatePDFRequestFileInput",
        ),
    ];
    let (names, numbered) = name(&rows, &[]);
    // A valid type name is kept as written (`PDF`), and the part follows its parent.
    assert_eq!(names[0], "RotatePDFRequest");
    assert_eq!(names[1], "RotatePDFRequestFileInput2");
    assert_eq!(
        numbered,
        [(
            1,
            "RotatePDFRequestFileInput".to_owned(),
            "RotatePDFRequestFileInput2".to_owned()
        )]
    );
}

#[test]
fn a_body_that_is_its_request_goes_by_the_requests_name() {
    let rows = [
        op("Upload", "Request", None, (0, REQ)),
        op("Upload", "RequestBody", None, (0, REQ)),
    ];
    let (names, _) = name(&rows, &[(0, 1)]);
    assert_eq!(names, ["UploadRequest", "UploadRequest"]);
}

#[test]
fn the_same_types_give_the_same_names() {
    let rows = || {
        [
            op("A", "ResponseBody", None, (0, RESP)),
            op("A", "X", Some(0), (0, RESP)),
            op("A", "Y", Some(1), (0, RESP)),
            op("A", "Y", Some(0), (0, RESP)),
            component("Y", None),
        ]
    };
    assert_eq!(name(&rows(), &[]), name(&rows(), &[]));
}
