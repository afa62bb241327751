#ifndef SHOPNLP_SHOP_ICU_H
#define SHOPNLP_SHOP_ICU_H
// An opaque C face over ICU. Swift modules import this header only: it names no ICU
// type, so it cannot clash with the newer ICU that Foundation bundles. All ICU calls
// live in shop_icu.c. Text is UTF-16 code units.
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Segment kinds reported by shop_wb_segment (from ICU's word rule status).
enum { SHOP_SEG_NONE = 0, SHOP_SEG_NUMBER = 1, SHOP_SEG_LETTER = 2, SHOP_SEG_KANA = 3, SHOP_SEG_IDEO = 4 };

/// Opens a word break iterator for `locale`; returns NULL and sets *error_code on failure.
void *shop_wb_open(const char *locale, int32_t *error_code);
/// A copy of an open iterator (cheaper than opening; one per thread).
void *shop_wb_clone(const void *iterator, int32_t *error_code);
void shop_wb_close(void *iterator);
/// Segments `text`; writes segment end offsets and kinds, returns the segment count,
/// or -1 on an ICU error. When capacity is too small, returns the count needed
/// (> capacity) without writing past capacity.
int32_t shop_wb_segment(void *iterator, const uint16_t *text, int32_t length,
                        int32_t *ends, uint8_t *kinds, int32_t capacity);

/// Normalisation forms.
enum { SHOP_NFKC = 0, SHOP_NFKC_CASEFOLD = 1 };
/// Normalises into dest; returns the output length (which may exceed capacity: call
/// again with a larger buffer), or -1 on an ICU error.
int32_t shop_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity);
/// Full case folding; same return convention as shop_normalize.
int32_t shop_fold_case(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity);

/// Character properties by code point.
int shop_is_han(uint32_t c);
int shop_is_alphabetic(uint32_t c);
int shop_is_digit(uint32_t c);
int shop_is_whitespace(uint32_t c);
int shop_is_punctuation(uint32_t c);
int shop_is_emoji(uint32_t c);
/// Unicode general category groups: symbols (Sm, Sc, Sk, So) and currency symbols (Sc).
int shop_is_symbol(uint32_t c);
int shop_is_currency(uint32_t c);
/// Emoji that may start an emoji sequence: Extended_Pictographic or a regional indicator.
int shop_is_emoji_start(uint32_t c);
/// ICU's name of an error code, for messages.
const char *shop_icu_error_name(int32_t error_code);

#ifdef __cplusplus
}
#endif
#endif
