//! custom: exact requests and answers (to be written).
