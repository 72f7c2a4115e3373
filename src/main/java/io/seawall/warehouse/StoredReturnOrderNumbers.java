package io.seawall.warehouse;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ReturnOrderNumbers} in Seawall's database (table {@code warehouse_return_order}). */
final class StoredReturnOrderNumbers implements ReturnOrderNumbers {

  private final JdbcClient db;

  StoredReturnOrderNumbers(JdbcClient db) {
    this.db = db;
  }

  @Override
  public void remember(String provider, String returnReference, String providerNumber) {
    try {
      db.sql("insert into warehouse_return_order (provider, return_reference, provider_number) values (?, ?, ?)")
          .params(provider, returnReference, providerNumber)
          .update();
    } catch (DuplicateKeyException rememberedBefore) {
      // The first number stays: a retried announcement names the same return.
    }
  }

  @Override
  public Optional<String> recall(String provider, String returnReference) {
    return db.sql("select provider_number from warehouse_return_order where provider = ? and return_reference = ?")
        .params(provider, returnReference)
        .query(String.class)
        .optional();
  }
}
