#include "tta_curl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

// The real entry points, resolved from libcurl.so.4 on first use (see tta_curl.h for why).
static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd[], unsigned int, int, int *);
    CURLMcode (*multi_wakeup)(CURLM *);
    const char *(*multi_strerror)(CURLMcode);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[512];
static int loaded = 0;

#define RESOLVE(field, name)                                                        \
    do {                                                                            \
        *(void **)(&api.field) = dlsym(library, name);                              \
        if (api.field == NULL) {                                                    \
            snprintf(load_error, sizeof load_error, "libcurl lacks %s", name);      \
            return;                                                                 \
        }                                                                           \
    } while (0)

static void load_library(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "cannot load libcurl.so.4 (install libcurl4): %s",
                 reason ? reason : "unknown error");
        return;
    }
    RESOLVE(global_init, "curl_global_init");
    RESOLVE(easy_init, "curl_easy_init");
    RESOLVE(easy_cleanup, "curl_easy_cleanup");
    RESOLVE(easy_strerror, "curl_easy_strerror");
    RESOLVE(easy_setopt, "curl_easy_setopt");
    RESOLVE(easy_getinfo, "curl_easy_getinfo");
    RESOLVE(multi_init, "curl_multi_init");
    RESOLVE(multi_add_handle, "curl_multi_add_handle");
    RESOLVE(multi_remove_handle, "curl_multi_remove_handle");
    RESOLVE(multi_perform, "curl_multi_perform");
    RESOLVE(multi_poll, "curl_multi_poll");
    RESOLVE(multi_wakeup, "curl_multi_wakeup");
    RESOLVE(multi_strerror, "curl_multi_strerror");
    RESOLVE(multi_setopt, "curl_multi_setopt");
    RESOLVE(multi_info_read, "curl_multi_info_read");
    RESOLVE(slist_append, "curl_slist_append");
    RESOLVE(slist_free_all, "curl_slist_free_all");
    loaded = 1;
}

static int ensure_loaded(void) {
    pthread_once(&load_once, load_library);
    return loaded;
}

const char *tta_curl_load_error(void) {
    return ensure_loaded() ? NULL : load_error;
}

// Definitions of the libcurl functions Swift calls, forwarding to the loaded library. When it
// could not be loaded they fail the way libcurl reports failure (NULL, an error code), and
// callers check tta_curl_load_error() first to say why.

CURLcode curl_global_init(long flags) {
    return ensure_loaded() ? api.global_init(flags) : CURLE_FAILED_INIT;
}
CURL *curl_easy_init(void) {
    return ensure_loaded() ? api.easy_init() : NULL;
}
void curl_easy_cleanup(CURL *handle) {
    if (ensure_loaded()) api.easy_cleanup(handle);
}
const char *curl_easy_strerror(CURLcode code) {
    return ensure_loaded() ? api.easy_strerror(code) : load_error;
}
CURLM *curl_multi_init(void) {
    return ensure_loaded() ? api.multi_init() : NULL;
}
CURLMcode curl_multi_add_handle(CURLM *multi, CURL *handle) {
    return ensure_loaded() ? api.multi_add_handle(multi, handle) : CURLM_INTERNAL_ERROR;
}
CURLMcode curl_multi_remove_handle(CURLM *multi, CURL *handle) {
    return ensure_loaded() ? api.multi_remove_handle(multi, handle) : CURLM_INTERNAL_ERROR;
}
CURLMcode curl_multi_perform(CURLM *multi, int *running) {
    return ensure_loaded() ? api.multi_perform(multi, running) : CURLM_INTERNAL_ERROR;
}
CURLMcode curl_multi_poll(CURLM *multi, struct curl_waitfd extra[], unsigned int count, int timeout, int *numfds) {
    return ensure_loaded() ? api.multi_poll(multi, extra, count, timeout, numfds) : CURLM_INTERNAL_ERROR;
}
CURLMcode curl_multi_wakeup(CURLM *multi) {
    return ensure_loaded() ? api.multi_wakeup(multi) : CURLM_INTERNAL_ERROR;
}
const char *curl_multi_strerror(CURLMcode code) {
    return ensure_loaded() ? api.multi_strerror(code) : load_error;
}
CURLMsg *curl_multi_info_read(CURLM *multi, int *queued) {
    return ensure_loaded() ? api.multi_info_read(multi, queued) : NULL;
}
struct curl_slist *curl_slist_append(struct curl_slist *list, const char *text) {
    return ensure_loaded() ? api.slist_append(list, text) : NULL;
}
void curl_slist_free_all(struct curl_slist *list) {
    if (ensure_loaded()) api.slist_free_all(list);
}

// Typed wrappers for the variadic calls.

CURLcode tta_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return ensure_loaded() ? api.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}
CURLcode tta_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return ensure_loaded() ? api.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}
CURLcode tta_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return ensure_loaded() ? api.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}
CURLcode tta_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return ensure_loaded() ? api.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}
CURLcode tta_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return ensure_loaded() ? api.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}
CURLcode tta_curl_setopt_write_callback(CURL *handle, tta_curl_write_callback callback) {
    return ensure_loaded() ? api.easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback) : CURLE_FAILED_INIT;
}
CURLcode tta_curl_setopt_debug_callback(CURL *handle, curl_debug_callback callback) {
    return ensure_loaded() ? api.easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback) : CURLE_FAILED_INIT;
}
CURLcode tta_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return ensure_loaded() ? api.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}
CURLcode tta_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return ensure_loaded() ? api.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}
CURLcode tta_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return ensure_loaded() ? api.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}
CURLcode tta_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return ensure_loaded() ? api.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}
CURLcode tta_curl_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return ensure_loaded() ? api.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}
CURLMcode tta_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return ensure_loaded() ? api.multi_setopt(multi, option, value) : CURLM_INTERNAL_ERROR;
}
int tta_curl_multi_next_done(CURLM *multi, CURL **handle, CURLcode *result) {
    if (!ensure_loaded()) return 0;
    int queued = 0;
    CURLMsg *message;
    while ((message = api.multi_info_read(multi, &queued)) != NULL) {
        if (message->msg == CURLMSG_DONE) {
            *handle = message->easy_handle;
            *result = message->data.result;
            return 1;
        }
    }
    return 0;
}
