/// A `&str` in the middle: the parameters after it are checked against the right spec entries.
#[cfg_attr(target_arch = "wasm32", inline)]
pub fn path_open(
    fd: Fd,
    dirflags: Lookupflags,
    path: &str,
    oflags: Oflags,
    fs_rights_base: Rights,
    fs_rights_inheriting: Rights,
    fdflags: Fdflags,
) -> Result<Fd, Errno> {
    #[cfg(target_arch = "wasm32")]
    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        #[link_name = "path_open"]
        fn __wasm_function_import(
            __arg0: i32,
            __arg1: i32,
            __arg2: i32,
            __arg3: i32,
            __arg4: i32,
            __arg5: i64,
            __arg6: i64,
            __arg7: i32,
            __arg8: i32,
        ) -> i32;
    }
    #[cfg(not(target_arch = "wasm32"))]
    unsafe fn __wasm_function_import(
        _: i32,
        _: i32,
        _: i32,
        _: i32,
        _: i32,
        _: i64,
        _: i64,
        _: i32,
        _: i32,
    ) -> i32 {
        ::wasm_function::__private::not_on_this_target(
            "wasi_snapshot_preview1",
            "path_open",
        )
    }
    let (__ptr2, __len2) = ::wasm_function::__private::str_parts(path);
    let mut __out0 = ::wasm_function::__private::OutSlot::<Fd>::new();
    let __status = unsafe {
        __wasm_function_import(
            ::wasm_function::__private::into_core::<Fd, i32>(fd),
            ::wasm_function::__private::into_core::<Lookupflags, i32>(dirflags),
            __ptr2,
            __len2,
            ::wasm_function::__private::into_core::<Oflags, i32>(oflags),
            ::wasm_function::__private::into_core::<Rights, i64>(fs_rights_base),
            ::wasm_function::__private::into_core::<Rights, i64>(fs_rights_inheriting),
            ::wasm_function::__private::into_core::<Fdflags, i32>(fdflags),
            __out0.as_core_ptr(),
        )
    };
    if __status == 0 {
        ::core::result::Result::Ok(unsafe { __out0.assume_written() })
    } else {
        ::core::result::Result::Err(
            <Errno as ::wasm_function::__private::ErrorCode>::from_status(__status),
        )
    }
}
