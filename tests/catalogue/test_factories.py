def test_factories_build_a_live_product_under_the_products_index(make_product, site_tree):
    product = make_product(title="Bơ núi lửa Krông Nô")
    assert product.live
    assert product.get_parent().specific == site_tree.products
    assert product.producer.get_parent().specific == site_tree.producers
    assert product.expires_on is not None
