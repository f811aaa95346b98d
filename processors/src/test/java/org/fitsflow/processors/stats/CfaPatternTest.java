package org.fitsflow.processors.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CfaPatternTest {

    @Test
    void readsTheColoursInStorageOrder() {
        assertThat(CfaPattern.GRBG.colourAt(0, 0)).isEqualTo(CfaPattern.GREEN);
        assertThat(CfaPattern.GRBG.colourAt(0, 1)).isEqualTo(CfaPattern.RED);
        assertThat(CfaPattern.GRBG.colourAt(1, 0)).isEqualTo(CfaPattern.BLUE);
        assertThat(CfaPattern.GRBG.colourAt(3, 3)).isEqualTo(CfaPattern.GREEN);
        assertThat(CfaPattern.BGGR.colourAt(2, 4)).isEqualTo(CfaPattern.BLUE);
    }

    @Test
    void parsesHeaderValuesAndNamesWhatIsSupported() {
        assertThat(CfaPattern.parse(" grbg ")).isEqualTo(CfaPattern.GRBG);
        assertThatThrownBy(() -> CfaPattern.parse("XTRANS"))
                .hasMessage("unsupported Bayer pattern 'XTRANS': expected one of [RGGB, GRBG, GBRG, BGGR]");
    }
}
