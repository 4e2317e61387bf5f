//! Bytes → text: BOM sniffing, UTF-8, UTF-16 without BOM, legacy single-byte encodings
//! (guessed with `chardetng`, decoded with `encoding_rs`), binary detection, NFC.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A successfully decoded file.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// NFC-normalised text.
    pub text: String,
    /// A caveat worth telling the user ("not UTF-8: decoded as windows-1251"), if any.
    pub note: Option<String>,
}

/// Why bytes could not be decoded as text.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// NUL bytes or control characters outside any text encoding.
    #[error("binary file, not text")]
    Binary,
}

/// Decodes `bytes` as article text.
///
/// ```
/// use karabakh_core::corpus::decode::decode;
/// assert_eq!(decode("Şuşa".as_bytes()).map(|d| d.text), Ok("Şuşa".to_owned()));
/// assert!(decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13]).is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) =
            encoding.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or_default());
        return Ok(Decoded {
            text: nfc(text.into_owned()),
            note: None,
        });
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Ok(Decoded {
            text: nfc(text.into_owned()),
            note: Some(format!(
                "no byte-order mark: decoded as {}",
                encoding.name()
            )),
        });
    }
    let head = bytes.get(..8192).unwrap_or(bytes);
    if head.contains(&0) || control_ratio(head) > 0.05 {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: nfc(text.to_owned()),
            note: None,
        });
    }
    decode_legacy(bytes)
}

/// [`decode`] of bytes the caller owns: UTF-8 (the common case) becomes the text without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let plain = Encoding::for_bom(&bytes).is_none() && utf16_without_bom(&bytes).is_none();
    if !plain {
        return decode(&bytes);
    }
    let head = bytes.get(..8192).unwrap_or(&bytes);
    if head.contains(&0) || control_ratio(head) > 0.05 {
        return Err(DecodeError::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: nfc(text),
            note: None,
        }),
        Err(e) => decode_legacy(e.as_bytes()),
    }
}

/// Bytes that are not UTF-8: the legacy single-byte encoding `chardetng` guesses.
fn decode_legacy(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let encoding = if encoding == UTF_8 {
        encoding_rs::WINDOWS_1252
    } else {
        encoding
    };
    let (text, _, _) = encoding.decode(bytes);
    Ok(Decoded {
        text: nfc(text.into_owned()),
        note: Some(format!(
            "not valid UTF-8: decoded as {} (guessed)",
            encoding.name()
        )),
    })
}

/// NFC normalisation, skipping the work when the text is already NFC (the common case).
/// Characters below U+0300 are NFC and start no combining sequence whatever surrounds them, so
/// only the others are checked (dropping them can only turn a "yes" into a cautious "maybe").
fn nfc(text: String) -> String {
    // A byte from 0xCC up starts such a character (continuation bytes stay below 0xC0). The
    // text is scanned 64 bytes at a time for one (a maximum the compiler vectorises), and only
    // the characters found are checked.
    let mut from_u300 = Vec::new();
    for (c, chunk) in text.as_bytes().chunks(64).enumerate() {
        if chunk.iter().copied().max().unwrap_or(0) >= 0xCC {
            let found = chunk.iter().enumerate().filter(|&(_, &b)| b >= 0xCC);
            from_u300.extend(
                found.filter_map(|(i, _)| {
                    text.get(c * 64 + i..).and_then(|rest| rest.chars().next())
                }),
            );
        }
    }
    if is_nfc_quick(from_u300.into_iter()) == IsNormalized::Yes {
        text
    } else {
        text.nfc().collect()
    }
}

/// UTF-16 text without a BOM shows NUL in every other byte for Latin script.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..4096).unwrap_or(bytes);
    if head.len() < 4 || head.len() % 2 != 0 && head.len() == bytes.len() && bytes.len() < 4 {
        return None;
    }
    // no NUL at all (nearly every file): neither byte order can be mostly NUL
    if !head.contains(&0) {
        return None;
    }
    let pairs = head.len() / 2;
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        if let [a, b] = pair {
            even_nul += usize::from(*a == 0);
            odd_nul += usize::from(*b == 0);
        }
    }
    let mostly = |n: usize| n * 10 >= pairs * 6;
    let rarely = |n: usize| n * 10 <= pairs;
    if mostly(odd_nul) && rarely(even_nul) {
        Some(UTF_16LE)
    } else if mostly(even_nul) && rarely(odd_nul) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Share of ASCII control bytes other than whitespace.
fn control_ratio(bytes: &[u8]) -> f64 {
    if bytes.is_empty() {
        return 0.0;
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls as f64 / bytes.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "Shelling of Ganja was reported.";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let mut bom = vec![0xFF, 0xFE];
        bom.extend(&le);
        assert_eq!(decode(&bom).map(|d| d.text), Ok(text.to_owned()));
        let plain = decode(&le);
        assert_eq!(plain.as_ref().map(|d| d.text.as_str()), Ok(text));
        assert!(plain.map(|d| d.note.is_some()).unwrap_or(false));
        assert_eq!(decode(&be).map(|d| d.text), Ok(text.to_owned()));
    }

    #[test]
    fn windows_1251_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("Обстрел Степанакерта продолжался всю ночь, сообщили власти.");
        let decoded = decode(&bytes);
        assert_eq!(
            decoded.as_ref().map(|d| d.text.as_str()),
            Ok("Обстрел Степанакерта продолжался всю ночь, сообщили власти.")
        );
    }

    #[test]
    fn decomposed_text_is_composed() {
        let decomposed = "S\u{0327}us\u{0327}a";
        assert_eq!(
            decode(decomposed.as_bytes()).map(|d| d.text),
            Ok("Şuşa".to_owned())
        );
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones() {
        // a combining mark far into the text, after curly quotes, across a 64-byte boundary
        let mut text = "“Quoted” ’s ".repeat(9);
        text.push_str("Shushi and Şus\u{0327}a, Lac\u{0327}ın");
        let latin1 = b"Stepanakert \xe9t\xe9".to_vec();
        for bytes in [
            text.into_bytes(),
            latin1,
            "\u{feff}Ganja".as_bytes().to_vec(),
        ] {
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes));
        }
        assert!(
            decode_owned(("“Quoted” ’s ".repeat(9) + "Şus\u{0327}a").into_bytes())
                .is_ok_and(|d| d.text.ends_with("Şuşa"))
        );
    }

    #[test]
    fn binary_is_refused() {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend([0u8, 1, 2, 3, 0, 0, 7, 8, 0xff, 0xfe, 0]);
        bytes.extend(std::iter::repeat_n(0x01u8, 64));
        assert_eq!(decode(&bytes), Err(DecodeError::Binary));
    }
}
