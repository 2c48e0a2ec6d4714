datafly.identify('user_1', { email: 'ada@example.com', first_name: 'Ada' })
datafly.track('Order Completed', { order_id: 'ORD-1', revenue: 42 })
