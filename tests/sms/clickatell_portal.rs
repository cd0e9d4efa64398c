//! clickatell_portal: exact requests and answers (to be written).
