pub fn read_directory_entry(this: u32) -> Result<Option<DirectoryEntry>, ErrorCode> {
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[link(wasm_import_module = "wasi:filesystem/types@0.2.0")]
    unsafe extern "C" {
        #[link_name = "[method]directory-entry-stream.read-directory-entry"]
        fn __wasm_function_import(__arg8: i32, __arg9: i32);
    }
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    unsafe fn __wasm_function_import(_: i32, _: i32) {
        ::wasm_function::__private::not_on_this_target(
            "wasi:filesystem/types@0.2.0",
            "[method]directory-entry-stream.read-directory-entry",
        )
    }
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[unsafe(link_section = "component-type:wasm-function:0258f9ad3e041dbd")]
    static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 4583] = *b"<the encoded world>";
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[inline(never)]
    fn __wasm_function_component_type() {}
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    __wasm_function_component_type();
    let mut __ret1 = ::core::mem::MaybeUninit::<[u64; 3]>::uninit();
    let __ret_base2: *mut u8 = __ret1.as_mut_ptr().cast::<u8>();
    unsafe {
        __wasm_function_import(
            (this as i32),
            ::wasm_function::__private::component::address_of(__ret_base2),
        )
    };
    {
        let __read3: *const u8 = __ret_base2;
        unsafe {
            match ::wasm_function::__private::component::load::<u8>(__read3, 0usize) {
                0 => {
                    ::core::result::Result::Ok(
                        match ::wasm_function::__private::component::load::<
                            u8,
                        >(__read3, 4usize) {
                            0 => ::core::option::Option::None,
                            1 => {
                                ::core::option::Option::Some(DirectoryEntry {
                                    r#type: match ::wasm_function::__private::component::load::<
                                        u8,
                                    >(__read3, 8usize) {
                                        0 => DescriptorType::Unknown,
                                        1 => DescriptorType::BlockDevice,
                                        2 => DescriptorType::CharacterDevice,
                                        3 => DescriptorType::Directory,
                                        4 => DescriptorType::Fifo,
                                        5 => DescriptorType::SymbolicLink,
                                        6 => DescriptorType::RegularFile,
                                        7 => DescriptorType::Socket,
                                        _ => {
                                            ::wasm_function::__private::component::invalid_discriminant()
                                        }
                                    },
                                    name: ::wasm_function::__private::component::lift_string(
                                        ::wasm_function::__private::component::load::<
                                            u32,
                                        >(__read3, 12usize),
                                        ::wasm_function::__private::component::load::<
                                            u32,
                                        >(__read3, 16usize),
                                    ),
                                })
                            }
                            _ => {
                                ::wasm_function::__private::component::invalid_discriminant()
                            }
                        },
                    )
                }
                1 => {
                    ::core::result::Result::Err(
                        match ::wasm_function::__private::component::load::<
                            u8,
                        >(__read3, 4usize) {
                            0 => ErrorCode::Access,
                            1 => ErrorCode::WouldBlock,
                            2 => ErrorCode::Already,
                            3 => ErrorCode::BadDescriptor,
                            4 => ErrorCode::Busy,
                            5 => ErrorCode::Deadlock,
                            6 => ErrorCode::Quota,
                            7 => ErrorCode::Exist,
                            8 => ErrorCode::FileTooLarge,
                            9 => ErrorCode::IllegalByteSequence,
                            10 => ErrorCode::InProgress,
                            11 => ErrorCode::Interrupted,
                            12 => ErrorCode::Invalid,
                            13 => ErrorCode::Io,
                            14 => ErrorCode::IsDirectory,
                            15 => ErrorCode::Loop,
                            16 => ErrorCode::TooManyLinks,
                            17 => ErrorCode::MessageSize,
                            18 => ErrorCode::NameTooLong,
                            19 => ErrorCode::NoDevice,
                            20 => ErrorCode::NoEntry,
                            21 => ErrorCode::NoLock,
                            22 => ErrorCode::InsufficientMemory,
                            23 => ErrorCode::InsufficientSpace,
                            24 => ErrorCode::NotDirectory,
                            25 => ErrorCode::NotEmpty,
                            26 => ErrorCode::NotRecoverable,
                            27 => ErrorCode::Unsupported,
                            28 => ErrorCode::NoTty,
                            29 => ErrorCode::NoSuchDevice,
                            30 => ErrorCode::Overflow,
                            31 => ErrorCode::NotPermitted,
                            32 => ErrorCode::Pipe,
                            33 => ErrorCode::ReadOnly,
                            34 => ErrorCode::InvalidSeek,
                            35 => ErrorCode::TextFileBusy,
                            36 => ErrorCode::CrossDevice,
                            _ => {
                                ::wasm_function::__private::component::invalid_discriminant()
                            }
                        },
                    )
                }
                _ => ::wasm_function::__private::component::invalid_discriminant(),
            }
        }
    }
}
