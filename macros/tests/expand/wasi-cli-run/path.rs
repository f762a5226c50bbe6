crate::app::run
