package dev.lmi.operator.aws;

/** Where a function's code comes from: an S3 object (optionally versioned) or an image. */
public record CodeSource(String s3Bucket, String s3Key, String s3ObjectVersion, String imageUri) {

  public boolean isImage() {
    return imageUri != null;
  }
}
