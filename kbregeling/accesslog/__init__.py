"""The access log (AVG/BIO2): every login, download and export, and every look at another
library's plan or report: who, when, what, from which address. ``log.record`` writes an
entry; the coordinator and the technical administrator search it at ``/toegangslog/``; a daily
task removes entries older than ``ACCESS_LOG_MONTHS``."""
