package io.seawall.warehouse;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seller's overseas warehouse sites and the countries each delivers to, in order of preference
 * ({@code seawall.warehouse.sites}). The first site serving a buyer's country ships by default; an
 * agent may choose another.
 */
@ConfigurationProperties("seawall.warehouse")
public record WarehouseSites(@DefaultValue List<Site> sites) {

  public Optional<Site> find(String code) {
    return sites.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /** The preferred site for a buyer's country. */
  public Optional<Site> forCountry(String country) {
    return sites.stream().filter(s -> s.serves().contains(country)).findFirst();
  }

  /**
   * @param code the site's code in Seawall (e.g. GC-DE-FRA)
   * @param provider which adapter's account it belongs to (goodcang, 4px, sandbox)
   * @param serves ISO 3166-1 alpha-2 countries it delivers to
   */
  public record Site(String code, String provider, String name, List<String> serves) {}
}
