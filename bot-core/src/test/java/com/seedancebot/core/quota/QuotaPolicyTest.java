package com.seedancebot.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotaPolicyTest {

  @Test
  void zeroOrNegativeLimitsMeanUnlimited() {
    QuotaPolicy policy = new QuotaPolicy(-1, 0, 5, -30, 0, 0);

    assertThat(policy.limit(QuotaScope.USER, QuotaUnit.JOBS)).isZero();
    assertThat(policy.limit(QuotaScope.CHAT, QuotaUnit.SECONDS)).isZero();
    assertThat(policy.limits(QuotaScope.USER)).isFalse();
    assertThat(policy.limits(QuotaScope.CHAT)).isTrue();
    assertThat(policy.limits(QuotaScope.GLOBAL)).isFalse();
  }

  @Test
  void eachScopeAndUnitHasItsOwnLimit() {
    QuotaPolicy policy = new QuotaPolicy(1, 2, 3, 4, 5, 6);

    assertThat(policy.limit(QuotaScope.USER, QuotaUnit.JOBS)).isEqualTo(1);
    assertThat(policy.limit(QuotaScope.USER, QuotaUnit.SECONDS)).isEqualTo(2);
    assertThat(policy.limit(QuotaScope.CHAT, QuotaUnit.JOBS)).isEqualTo(3);
    assertThat(policy.limit(QuotaScope.CHAT, QuotaUnit.SECONDS)).isEqualTo(4);
    assertThat(policy.limit(QuotaScope.GLOBAL, QuotaUnit.JOBS)).isEqualTo(5);
    assertThat(policy.limit(QuotaScope.GLOBAL, QuotaUnit.SECONDS)).isEqualTo(6);
  }

  @Test
  void unlimitedLimitsNothing() {
    QuotaPolicy policy = QuotaPolicy.unlimited();

    for (QuotaScope scope : QuotaScope.values()) {
      assertThat(policy.limits(scope)).isFalse();
    }
  }
}
