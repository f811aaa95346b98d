package org.fitsflow.processors.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageTest {

    @Test
    void aCodedImageGivesEachPixelTheValueOfItsCode() {
        float[] values = new float[CodedPlanes.CODES];
        values[7] = 0.25f;
        values[0xFFFF] = 1f;
        Image image = Image.ofCodes(2, 1, new CodedPlanes(new short[][] {{7, -1}}, new float[][] {values}),
                CodedImages.header(2, 1, 1));

        assertThat(image.plane(0)).containsExactly(0.25f, 1f);
    }

    /** Once handed out, the planes may be changed in place, so the codes no longer describe the image. */
    @Test
    void askingForThePlanesEndsTheCoding() {
        Image image = CodedImages.sky(16, 8, 3, 1, false);
        assertThat(image.coded()).isPresent();

        float[][] planes = image.planes();
        planes[1][5] = 0.5f;

        assertThat(image.coded()).isEmpty();
        assertThat(image.plane(1)[5]).isEqualTo(0.5f);
        assertThat(image.planes()).isSameAs(planes);
    }

    @Test
    void codesTakeTwoBytesASamplePlusTheirTablesAndFloatsFour() {
        Image image = CodedImages.sky(16, 8, 3, 1, false);
        assertThat(image.pixelBytes()).isEqualTo(16 * 8 * 3 * 2 + 3 * CodedPlanes.CODES * 4L);

        image.planes();
        assertThat(image.pixelBytes()).isEqualTo(16 * 8 * 3 * 4);
    }

    @Test
    void newCodeValuesKeepTheCodesAndLeaveTheOriginalAlone() {
        Image image = CodedImages.sky(16, 8, 1, 2, false);
        float[] original = CodedImages.asFloats(image).plane(0);
        float[] halved = image.coded().orElseThrow().values()[0].clone();
        for (int k = 0; k < halved.length; k++) {
            halved[k] /= 2;
        }

        Image transformed = image.withCodeValues(new float[][] {halved});

        assertThat(transformed.coded().orElseThrow().codes()).isSameAs(image.coded().orElseThrow().codes());
        for (int i = 0; i < original.length; i++) {
            assertThat(transformed.plane(0)[i]).isEqualTo(original[i] / 2);
        }
        assertThat(image.plane(0)).containsExactly(original);
    }

    @Test
    void onlyACodedImageTakesCodeValues() {
        Image floats = new Image(1, 1, new float[][] {{0.5f}}, CodedImages.header(1, 1, 1));

        assertThatThrownBy(() -> floats.withCodeValues(new float[][] {new float[CodedPlanes.CODES]}))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void codeCountsCountEveryPixel() {
        Image image = CodedImages.sky(100, 50, 1, 4, true);
        long[] counts = image.coded().orElseThrow().codeCounts(0);

        assertThat(counts[CodedImages.BLANK & 0xFFFF]).isEqualTo((100 * 50 + 96) / 97);
        long total = 0;
        for (long n : counts) {
            total += n;
        }
        assertThat(total).isEqualTo(100 * 50);
    }

    @Test
    void aValueTableHasAnEntryForEveryCode() {
        assertThatThrownBy(() -> new CodedPlanes(new short[][] {{1}}, new float[][] {new float[256]}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536");
    }
}
