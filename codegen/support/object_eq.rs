/// Implements `PartialEq` for a model struct with many fields, one statement a field.
/// The derived impl joins the comparisons with `&&` into one expression that nests as
/// deep as there are fields, which the compiler cannot take for tens of thousands.
macro_rules! object_eq {
    ($name:ident { $($field:ident,)* }) => {
        impl ::std::cmp::PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                $(if self.$field != other.$field {
                    return false;
                })*
                true
            }
        }
    };
}
pub(crate) use object_eq;
