#include "shop_icu.h"
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

void *shop_wb_open(const char *locale, int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
    static const UChar empty[1] = {0};
    UBreakIterator *bi = ubrk_open(UBRK_WORD, locale, empty, 0, &status);
    *error_code = (int32_t)status;
    return U_SUCCESS(status) ? (void *)bi : NULL;
}

void *shop_wb_clone(const void *iterator, int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
#if U_ICU_VERSION_MAJOR_NUM >= 69
    UBreakIterator *bi = ubrk_clone((const UBreakIterator *)iterator, &status);
#else
    int32_t size = 1;
    UBreakIterator *bi = ubrk_safeClone((const UBreakIterator *)iterator, NULL, &size, &status);
#endif
    *error_code = (int32_t)status;
    return U_SUCCESS(status) ? (void *)bi : NULL;
}

void shop_wb_close(void *iterator) { if (iterator) ubrk_close((UBreakIterator *)iterator); }

int32_t shop_wb_segment(void *iterator, const uint16_t *text, int32_t length,
                        int32_t *ends, uint8_t *kinds, int32_t capacity) {
    if (length <= 0) return 0;
    UBreakIterator *bi = (UBreakIterator *)iterator;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(bi, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    ubrk_first(bi);
    for (int32_t end = ubrk_next(bi); end != UBRK_DONE; end = ubrk_next(bi)) {
        if (count < capacity) {
            int32_t tag = ubrk_getRuleStatus(bi);
            uint8_t kind;
            if (tag < UBRK_WORD_NONE_LIMIT) kind = SHOP_SEG_NONE;
            else if (tag < UBRK_WORD_NUMBER_LIMIT) kind = SHOP_SEG_NUMBER;
            else if (tag < UBRK_WORD_LETTER_LIMIT) kind = SHOP_SEG_LETTER;
            else if (tag < UBRK_WORD_KANA_LIMIT) kind = SHOP_SEG_KANA;
            else kind = SHOP_SEG_IDEO;
            ends[count] = end;
            kinds[count] = kind;
        }
        count++;
    }
    return count;
}

int32_t shop_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = form == SHOP_NFKC_CASEFOLD ? unorm2_getNFKCCasefoldInstance(&status)
                                                       : unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t out = unorm2_normalize(n, (const UChar *)src, length, (UChar *)dest, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return out;
    return U_SUCCESS(status) ? out : -1;
}

int32_t shop_fold_case(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t out = u_strFoldCase((UChar *)dest, capacity, (const UChar *)src, length, U_FOLD_CASE_DEFAULT, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return out;
    return U_SUCCESS(status) ? out : -1;
}

int shop_is_han(uint32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript((UChar32)c, &status) == USCRIPT_HAN;
}
int shop_is_alphabetic(uint32_t c) { return u_isalpha((UChar32)c) ? 1 : 0; }
int shop_is_digit(uint32_t c) { return u_isdigit((UChar32)c) ? 1 : 0; }
int shop_is_whitespace(uint32_t c) { return u_isUWhiteSpace((UChar32)c) ? 1 : 0; }
int shop_is_punctuation(uint32_t c) { return u_ispunct((UChar32)c) ? 1 : 0; }
int shop_is_emoji(uint32_t c) { return u_hasBinaryProperty((UChar32)c, UCHAR_EXTENDED_PICTOGRAPHIC) ? 1 : 0; }
int shop_is_symbol(uint32_t c) {
    int8_t t = u_charType((UChar32)c);
    return (t == U_MATH_SYMBOL || t == U_CURRENCY_SYMBOL || t == U_MODIFIER_SYMBOL || t == U_OTHER_SYMBOL) ? 1 : 0;
}
int shop_is_currency(uint32_t c) { return u_charType((UChar32)c) == U_CURRENCY_SYMBOL ? 1 : 0; }
int shop_is_emoji_start(uint32_t c) {
    if (c >= 0x1F1E6 && c <= 0x1F1FF) return 1;
    return u_hasBinaryProperty((UChar32)c, UCHAR_EXTENDED_PICTOGRAPHIC) ? 1 : 0;
}
const char *shop_icu_error_name(int32_t error_code) { return u_errorName((UErrorCode)error_code); }
