# A small AWS deployment: an order API on Lambda with its archive bucket
# (declared in orders-api.srm.yaml), and a reporting VM that nobody has
# declared yet: `srm discover examples/terraform` finds it.

resource "aws_lambda_function" "orders" {
  function_name = "orders-api"
  runtime       = "python3.12"
  handler       = "app.handler"
  role          = aws_iam_role.orders.arn
  filename      = "build/orders.zip"
}

resource "aws_iam_role" "orders" {
  name = "orders-api"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}

resource "aws_s3_bucket" "orders_archive" {
  bucket = "example-orders-archive"
}

resource "aws_instance" "reports" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"
  tags = {
    Name = "monthly-reports"
  }
}
