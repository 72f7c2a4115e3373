package io.seawall.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The buyer's language read from what they wrote, order numbers and references notwithstanding. */
class BuyerLanguageTest {

  private final BuyerLanguage language = new BuyerLanguage();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "en | Hello, I sent the broken mug back two weeks ago for order #4f1c2a9e-77b0. When will I get my money back?",
    "de | Guten Tag, anbei die Fotos der zerbrochenen Tasse zu SW-7KQ2M9XD. Bitte schicken Sie mir eine neue.",
    "es | Hola, escribo por el caso SW-7KQ2M9XD. La taza llegó rota y me gustaría recibir una nueva.",
    "fr | Bonjour, le colis 00340434161094042557 n'est toujours pas arrivé, pouvez-vous vérifier s'il vous plaît ?",
    "it | Buongiorno, ho ricevuto la giacca ma è troppo piccola, vorrei restituirla e avere la taglia più grande.",
    "pt | Olá, o meu pedido 2002011721037AB chegou danificado e gostaria de receber o reembolso, obrigado."
  })
  void aBuyersTextIsReadInItsLanguage(String expected, String text) {
    for (int i = 0; i < 5; i++) {
      assertThat(language.of(text)).contains(expected);
    }
  }

  @Test
  void numbersAndReferencesAloneSayNothing() {
    assertThat(language.of("SW-7KQ2M9XD #1001 00340434161094042557 anna@example.com")).isEmpty();
  }
}
