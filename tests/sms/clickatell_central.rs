//! clickatell_central: exact requests and answers (to be written).
