//! cegedim_vortext: exact requests and answers (to be written).
