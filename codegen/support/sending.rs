// Whether a request body is being encoded, which `readOnly` properties ask as they are
// written: the server sends them, a client never does.
::std::thread_local! {
    static SENDING: ::std::cell::Cell<bool> = const { ::std::cell::Cell::new(false) };
}

/// Runs `f` as the encoding of a request body: `readOnly` properties, which only the server
/// sends, are left out of what it writes.
pub fn sending<__R>(f: impl ::std::ops::FnOnce() -> __R) -> __R {
    // Put back as it was even if `f` panics.
    struct __Restore(bool);
    impl ::std::ops::Drop for __Restore {
        fn drop(&mut self) {
            SENDING.with(|s| s.set(self.0));
        }
    }
    let _restore = __Restore(SENDING.with(|s| s.replace(true)));
    f()
}

/// Whether a request body is being encoded (see [`sending`]).
pub fn is_sending() -> bool {
    SENDING.with(::std::cell::Cell::get)
}
