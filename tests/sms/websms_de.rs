//! websms_de: exact requests and answers (to be written).
