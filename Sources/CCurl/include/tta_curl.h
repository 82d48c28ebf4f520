#ifndef TTA_CURL_SHIM_H
#define TTA_CURL_SHIM_H
#include <curl/curl.h>

/// libcurl is loaded with dlopen on first use rather than linked: it drags in some thirty
/// shared libraries (TLS, Kerberos, LDAP, …) whose loading would triple the start-up time of
/// every invocation, including the many (`status`, `--version`, `config`) that never make an
/// HTTP request. This file defines the curl_* functions the package calls; each forwards to
/// the loaded library. Returns NULL when libcurl is available, else why it is not.
const char *tta_curl_load_error(void);

// Non-variadic wrappers: Swift cannot call C variadic functions such as
// curl_easy_setopt and curl_easy_getinfo, so each argument type gets its own entry.

CURLcode tta_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode tta_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode tta_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode tta_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode tta_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);

/// Body sink: the callback receives the userdata set with CURLOPT_WRITEDATA.
typedef size_t (*tta_curl_write_callback)(char *data, size_t size, size_t count, void *userdata);
CURLcode tta_curl_setopt_write_callback(CURL *handle, tta_curl_write_callback callback);

/// Verbose-output sink (CURLOPT_DEBUGFUNCTION); the callback receives CURLOPT_DEBUGDATA.
CURLcode tta_curl_setopt_debug_callback(CURL *handle, curl_debug_callback callback);

// CURLAUTH_* are macros with casts, which Swift does not import.
static const long TTA_CURLAUTH_BASIC = (long)CURLAUTH_BASIC;
static const long TTA_CURLAUTH_BEARER = (long)CURLAUTH_BEARER;

CURLcode tta_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode tta_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode tta_curl_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode tta_curl_getinfo_string(CURL *handle, CURLINFO info, char **value);
CURLcode tta_curl_getinfo_pointer(CURL *handle, CURLINFO info, void **value);

CURLMcode tta_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

/// Fields of a finished-transfer message (CURLMsg is a struct with a union Swift reads awkwardly).
int tta_curl_multi_next_done(CURLM *multi, CURL **handle, CURLcode *result);

#endif
