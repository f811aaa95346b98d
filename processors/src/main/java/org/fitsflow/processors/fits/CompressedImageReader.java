package org.fitsflow.processors.fits;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import nom.tam.util.Cursor;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.Image;

/**
 * Tile-compressed images (.fz), decompressed by nom-tam-fits. The decompressed samples then go through the
 * same decoding and normalisation as plain files. Size limits were checked on the compressed header before.
 */
final class CompressedImageReader {

    private CompressedImageReader() {
    }

    static FitsHeader readHeader(Path file, LocatedImage image) throws IOException {
        try (Fits fits = new Fits(file.toFile())) {
            return header(image, hdu(fits, image).getImageHeader());
        } catch (FitsException e) {
            throw unreadable(e);
        }
    }

    static Image read(Path file, LocatedImage image) throws IOException {
        try (Fits fits = new Fits(file.toFile())) {
            CompressedImageHDU hdu = hdu(fits, image);
            FitsHeader header = header(image, hdu.getImageHeader());
            Buffer samples = hdu.getUncompressedData();
            samples.rewind();
            ImageLayout layout = image.layout();
            if ((long) samples.remaining() != layout.samples()) {
                throw new InvalidFitsException("tile-compressed image decompresses to " + samples.remaining()
                        + " pixels, its header declares " + layout.samples());
            }
            return PixelReader.read(new BufferInput(samples), layout, header);
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static CompressedImageHDU hdu(Fits fits, LocatedImage image) throws FitsException, IOException {
        BasicHDU<?> hdu = fits.getHDU(image.hduIndex());
        if (!(hdu instanceof CompressedImageHDU compressed)) {
            throw new InvalidFitsException("extension " + image.hduIndex() + " is not a readable tile-compressed image");
        }
        return compressed;
    }

    /** The header of the image as it was before compression, plus the primary header for the summary. */
    private static FitsHeader header(LocatedImage image, Header imageHeader) {
        ParsedHeader uncompressed = new ParsedHeader(cards(imageHeader));
        LocatedImage described = new LocatedImage(image.layout(), image.hduIndex(), true,
                List.of(uncompressed, image.headers().get(image.headers().size() - 1)));
        return new FitsHeader(described.cards(), SummaryExtractor.summarise(image.layout(), described.headers()));
    }

    private static List<HeaderCard> cards(Header header) {
        List<HeaderCard> cards = new ArrayList<>();
        Cursor<String, nom.tam.fits.HeaderCard> cursor = header.iterator();
        while (cursor.hasNext()) {
            nom.tam.fits.HeaderCard card = cursor.next();
            // nom-tam-fits names HIERARCH cards HIERARCH.A.B; the plain-file parser names them "HIERARCH A B".
            String key = card.getKey().startsWith("HIERARCH.") ? card.getKey().replace('.', ' ') : card.getKey();
            if (key.equals("END")) {
                continue;
            }
            if (card.isCommentStyleCard()) {
                cards.add(new HeaderCard(key, null, card.getComment(), false));
            } else {
                cards.add(new HeaderCard(key, card.getValue(), card.getComment(), card.isStringValue()));
            }
        }
        return cards;
    }

    private static InvalidFitsException unreadable(Exception e) {
        if (e instanceof InvalidFitsException invalid) {
            return invalid;
        }
        return new InvalidFitsException("cannot decompress the tile-compressed image: " + e.getMessage(), e);
    }
}
