package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.core.request.ModelSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModelChoicesTest {

  private static ModelSpec model(String id, ModelFamily family, String alias) {
    ModelSpec template = ModelCatalog.standard().all().get(0);
    return new ModelSpec(id, family, alias, "Label " + alias, template.capabilities());
  }

  @Test
  void filters_by_id_alias_or_label_within_the_offered_families() {
    ModelCatalog catalog =
        new ModelCatalog(
            List.of(
                model("doubao-seedance-2-0-260128", ModelFamily.ARK, "2.0"),
                model("doubao-seedance-2-0-fast-260128", ModelFamily.ARK, "fast"),
                model("doubao-seedance-2.0", ModelFamily.GATEWAY, "gw")));
    ModelChoices choices = new ModelChoices(catalog, Set.of(ModelFamily.ARK));

    assertThat(choices.matching("FAST"))
        .containsExactly(
            new ModelChoices.Choice(
                "Label fast (fast) · doubao-seedance-2-0-fast-260128",
                "doubao-seedance-2-0-fast-260128"));
    assertThat(choices.matching("")).extracting(ModelChoices.Choice::value).hasSize(2);
  }

  @Test
  void never_offers_more_than_discords_25_choices() {
    ModelCatalog catalog =
        new ModelCatalog(
            IntStream.range(0, 30)
                .mapToObj(i -> model("m" + i, ModelFamily.ARK, "a" + i))
                .toList());

    assertThat(new ModelChoices(catalog, Set.of()).matching("m")).hasSize(25);
  }
}
