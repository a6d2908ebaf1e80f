//! Turning an uploaded file into the photo we store: decoded within limits (a small file may
//! declare a picture of billions of pixels), scaled down to at most [`MAX_SIDE`] pixels on its
//! longer side and re-encoded as JPEG. Re-encoding keeps only the pixels: EXIF data (camera
//! GPS positions, owner names) and anything hidden in the file are dropped.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{ImageFormat, ImageReader, Limits};

/// The largest file accepted, in megabytes.
pub const MAX_UPLOAD_MB: usize = 10;

/// The longer side of a stored photo, in pixels.
pub const MAX_SIDE: u32 = 1600;

/// The largest picture decoded, in pixels per side: a 40-megapixel camera is 7,728 wide.
const MAX_DECODED_SIDE: u32 = 10_000;

/// The most memory one decode may take.
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// JPEG quality of the stored photo (of 100).
const QUALITY: u8 = 82;

/// Why an upload is not a photo we store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoRefusal {
    /// No file was chosen, or it was empty.
    Empty,
    /// The file is larger than [`MAX_UPLOAD_MB`].
    TooLarge,
    /// Not a JPEG, PNG or WebP picture.
    NotAPicture,
    /// A picture, but wider or taller than we decode.
    TooManyPixels,
    /// A JPEG, PNG or WebP file that does not decode.
    Damaged,
}

/// A photo ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedPhoto {
    /// The JPEG bytes.
    pub jpeg: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Decodes `bytes` (JPEG, PNG or WebP), scales it to fit [`MAX_SIDE`] and encodes it as JPEG.
/// CPU-bound: call it off the async workers.
pub fn prepare(bytes: &[u8]) -> Result<PreparedPhoto, PhotoRefusal> {
    if bytes.is_empty() {
        return Err(PhotoRefusal::Empty);
    }
    if bytes.len() > MAX_UPLOAD_MB * 1024 * 1024 {
        return Err(PhotoRefusal::TooLarge);
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| PhotoRefusal::NotAPicture)?;
    if !matches!(
        reader.format(),
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)
    ) {
        return Err(PhotoRefusal::NotAPicture);
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let picture = reader.decode().map_err(|error| match error {
        image::ImageError::Limits(_) => PhotoRefusal::TooManyPixels,
        _ => PhotoRefusal::Damaged,
    })?;
    let picture = if picture.width().max(picture.height()) > MAX_SIDE {
        picture.resize(MAX_SIDE, MAX_SIDE, FilterType::Triangle)
    } else {
        picture
    };
    // JPEG has no transparency: flatten to RGB (transparent pixels become black in the
    // rare PNG that has them; photos of materials seldom do).
    let rgb = picture.to_rgb8();
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, QUALITY)
        .encode_image(&rgb)
        .map_err(|_| PhotoRefusal::Damaged)?;
    Ok(PreparedPhoto {
        jpeg,
        width: rgb.width(),
        height: rgb.height(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageBuffer, Rgb, RgbImage};

    fn png(width: u32, height: u32) -> Vec<u8> {
        let picture: RgbImage = ImageBuffer::from_fn(width, height, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut bytes = Vec::new();
        picture
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        bytes
    }

    /// CRC-32 as PNG computes it (ISO 3309), bit by bit.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_small_png_becomes_a_jpeg_of_the_same_size() {
        let photo = prepare(&png(40, 30)).unwrap();
        assert_eq!((photo.width, photo.height), (40, 30));
        assert_eq!(&photo.jpeg[..3], &[0xFF, 0xD8, 0xFF], "JPEG magic");
    }

    #[test]
    fn a_large_picture_is_scaled_to_the_longest_side_keeping_its_shape() {
        let photo = prepare(&png(3200, 1000)).unwrap();
        assert_eq!((photo.width, photo.height), (MAX_SIDE, 500));
    }

    #[test]
    fn text_empty_and_truncated_files_are_refused_with_their_reason() {
        assert_eq!(prepare(b""), Err(PhotoRefusal::Empty));
        assert_eq!(
            prepare(b"id,name\n1,Bakkerij\n"),
            Err(PhotoRefusal::NotAPicture)
        );
        let whole = png(64, 64);
        assert_eq!(
            prepare(&whole[..whole.len() / 2]),
            Err(PhotoRefusal::Damaged)
        );
        assert_eq!(
            prepare(&vec![0u8; MAX_UPLOAD_MB * 1024 * 1024 + 1]),
            Err(PhotoRefusal::TooLarge)
        );
    }

    #[test]
    fn a_picture_declaring_more_pixels_than_we_decode_is_refused_before_decoding() {
        // A valid PNG header claiming 60,000 × 60,000 pixels, followed by nothing.
        let mut header = png(1, 1);
        header[16..20].copy_from_slice(&60_000u32.to_be_bytes());
        header[20..24].copy_from_slice(&60_000u32.to_be_bytes());
        // The IHDR chunk's checksum covers its type and data (bytes 12..29).
        let crc = crc32(&header[12..29]);
        header[29..33].copy_from_slice(&crc.to_be_bytes());
        assert_eq!(prepare(&header), Err(PhotoRefusal::TooManyPixels));
    }
}
