//! clockworksms: exact requests and answers (to be written).
