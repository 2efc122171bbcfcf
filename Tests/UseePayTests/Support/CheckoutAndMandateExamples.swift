/// Example payloads copied verbatim from the UseePay docs (shared/useepay-api/examples), kept in the
/// repository so the tests never read outside it. Each constant names the file it came from.
enum CheckoutAndMandateExamples {
    /// examples/checkout_sessions.create.response.json
    static let checkoutSessionCreateResponse = #"""
{
  "id": "cs_1A2B3C4D5E6F7G8H",
  "object": "checkout.session",
  "mode": "subscription",
  "ui_mode": "custom",
  "amount": 99.99,
  "currency": "USD",
  "merchant_order_id": "sub_order_jkl345mno678",
  "status": "open",
  "customer": {
    "id": "cus_9Z8Y7X6W5V4U3T",
    "email": "trial@example.com",
    "name": "Trial User",
    "phone": "+1234567890",
    "merchant_customer_id": "cust_trial_merchant_345678"
  },
  "line_items": [
    {
      "quantity": 1,
      "price_data": {
        "product_data": {
          "name": "Premium Monthly Plan",
          "desc": "Unlimited access with first month discount"
        },
        "unit_amount": 99.99,
        "currency": "USD",
        "recurring": {
          "interval": "month",
          "interval_count": 1,
          "total_billing_cycles": 12
        }
      }
    }
  ],
  "subscription_data": {
    "discount_period_config": {
      "discount_period_count": 1,
      "discount_period_amount": 0.01
    }
  },
  "collection_method": "auto_charge",
  "payment_method_types": [
    "card",
    "apple_pay",
    "google_pay"
  ],
  "metadata": {
    "subscription_type": "premium",
    "billing_cycle": "monthly",
    "trial_offer": "first_month_99_percent_off"
  },
  "created": 1705228800,
  "expires_at": 1705315200
}
"""#

    /// examples/checkout_sessions.create.request.one_time_payment.json
    static let checkoutSessionCreateRequestOneTimePayment = #"""
{
  "mode": "payment",
  "ui_mode": "custom",
  "amount": 99.99,
  "currency": "USD",
  "merchant_order_id": "order_abc123xyz456",
  "customer": {
    "email": "customer@example.com",
    "name": "John Doe",
    "phone": "+1234567890",
    "merchant_customer_id": "cust_merchant_123456"
  },
  "line_items": [
    {
      "quantity": 1,
      "price_data": {
        "product_data": {
          "name": "Premium Product",
          "desc": "High quality product with premium features"
        },
        "unit_amount": 99.99,
        "currency": "USD"
      }
    }
  ],
  "payment_method_types": [
    "card",
    "apple_pay",
    "google_pay"
  ],
  "metadata": {
    "order_type": "online",
    "source": "web",
    "campaign": "summer_sale"
  }
}
"""#

    /// examples/checkout_sessions.create.request.subscription_with_discount.json
    static let checkoutSessionCreateRequestSubscriptionWithDiscount = #"""
{
  "mode": "subscription",
  "ui_mode": "custom",
  "amount": 99.99,
  "currency": "USD",
  "merchant_order_id": "sub_order_jkl345mno678",
  "customer": {
    "email": "trial@example.com",
    "name": "Trial User",
    "phone": "+1234567890",
    "merchant_customer_id": "cust_trial_merchant_345678"
  },
  "line_items": [
    {
      "quantity": 1,
      "price_data": {
        "product_data": {
          "name": "Premium Monthly Plan",
          "desc": "Unlimited access with first month discount"
        },
        "unit_amount": 99.99,
        "currency": "USD",
        "recurring": {
          "interval": "month",
          "interval_count": 1,
          "total_billing_cycles": 12
        }
      }
    }
  ],
  "subscription_data": {
    "discount_period_config": {
      "discount_period_count": 1,
      "discount_period_amount": 0.01
    }
  },
  "collection_method": "auto_charge",
  "payment_method_types": [
    "card",
    "apple_pay",
    "google_pay"
  ],
  "metadata": {
    "subscription_type": "premium",
    "billing_cycle": "monthly",
    "trial_offer": "first_month_99_percent_off"
  }
}
"""#

    /// examples/mandates.create.request.json
    static let mandateCreateRequest = #"""
{
  "customer_id": "{{customer-id}}",
  "payment_intent_id": "{{payment-intent-id}}",
  "customer_acceptance": {
    "type": "online",
    "accepted_at": "2024-10-06T10:56:21Z",
    "online": {
      "ip_address": "192.168.12.1",
      "user_agent": "user agent"
    }
  }
}
"""#

    /// examples/mandates.create.response.json
    static let mandateCreateResponse = #"""
{
  "id": "man_1JARUC40K0800",
  "customer_id": "{{customer-id}}",
  "payment_intent_id": "{{payment-intent-id}}",
  "customer_acceptance": {
    "type": "online",
    "accepted_at": "2024-10-06T10:56:21Z",
    "online": {
      "ip_address": "192.168.12.1",
      "user_agent": "user agent"
    }
  },
  "merchant_no": "500000000007264",
  "app_id": "www.pay.com",
  "create_at": "2024-10-25T07:14:09Z",
  "modify_at": "2024-10-25T07:14:09Z"
}
"""#

    /// examples/mandates.list.request.curl.txt
    static let mandateListRequestCurl = #"""
curl --location -g --request GET 'https://openapi1.uat.useepay.com/api/v1/mandates?page_num=0&page_size=3&from_created_at=2024-09-29T07:44:50.774Z&customer_id=cus_1JA7UDDQG3800' \
--header 'x-merchant-no: 500000000007245' \
--header 'x-api-key: FUYTIUvjhgfytfuytwiue' \
--header 'x-app-id: www.pay.com'
"""#
}
