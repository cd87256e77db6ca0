package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An estimate of what the warm baseline costs a month; never a bill. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CostStatus {

  @JsonPropertyDescription(
      "Estimated monthly cost of the warm baseline in US dollars, as a decimal string (e.g."
          + " \"91.30\"): minimum environments × vCPUs × the hourly price × hours a month, plus"
          + " the management fee. Requests and traffic above the minimum are not included.")
  private String monthlyUsd;

  @JsonPropertyDescription("How the figure was computed, with every factor.")
  private String basis;

  @JsonPropertyDescription("The price table used: its name, date and region.")
  private String priceTable;

  @JsonPropertyDescription("Always true: an estimate from list prices, not a bill.")
  private Boolean estimate;

  public String getMonthlyUsd() {
    return monthlyUsd;
  }

  public void setMonthlyUsd(String monthlyUsd) {
    this.monthlyUsd = monthlyUsd;
  }

  public String getBasis() {
    return basis;
  }

  public void setBasis(String basis) {
    this.basis = basis;
  }

  public String getPriceTable() {
    return priceTable;
  }

  public void setPriceTable(String priceTable) {
    this.priceTable = priceTable;
  }

  public Boolean getEstimate() {
    return estimate;
  }

  public void setEstimate(Boolean estimate) {
    this.estimate = estimate;
  }
}
