package dev.sparks.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class InvitationTokenTest {

    @Test
    void tokensAre43UrlSafeCharactersAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = InvitationToken.generate();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(InvitationToken.wellFormed(token)).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void theHashIsSha256InHex() {
        assertThat(InvitationToken.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Property
    void anythingButA43CharacterUrlSafeStringIsRejectedUnread(@ForAll @StringLength(max = 80) String text) {
        boolean shaped = text.length() == 43 && text.chars().allMatch(c -> c < 128
                && (Character.isLetterOrDigit(c) || c == '-' || c == '_'));
        assertThat(InvitationToken.wellFormed(text)).isEqualTo(shaped);
    }

    @Property
    void changingOneCharacterChangesTheHash(@ForAll("tokens") String token, @ForAll int position) {
        int at = Math.floorMod(position, token.length());
        char replaced = token.charAt(at) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, at) + replaced + token.substring(at + 1);
        assertThat(InvitationToken.hash(tampered)).isNotEqualTo(InvitationToken.hash(token));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> tokens() {
        return net.jqwik.api.Arbitraries.create(InvitationToken::generate);
    }
}
