package dev.lmi.handler.orders;

/** One order as the list endpoint returns it ({@code created_at} is stored but not returned). */
public record Order(String id, String name, long itemCount) {}
