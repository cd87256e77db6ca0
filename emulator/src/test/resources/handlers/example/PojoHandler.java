package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

public class PojoHandler implements RequestHandler<PojoHandler.Order, PojoHandler.Receipt> {
  public static class Order {
    private String item;
    private int quantity;

    public String getItem() {
      return item;
    }

    public void setItem(String item) {
      this.item = item;
    }

    public int getQuantity() {
      return quantity;
    }

    public void setQuantity(int quantity) {
      this.quantity = quantity;
    }
  }

  public record Receipt(String item, int quantity, String by) {}

  @Override
  public Receipt handleRequest(Order order, Context context) {
    return new Receipt(order.getItem(), order.getQuantity() * 2, context.getFunctionName());
  }
}
