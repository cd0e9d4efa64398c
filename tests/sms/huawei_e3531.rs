//! huawei_e3531: exact requests and answers (to be written).
