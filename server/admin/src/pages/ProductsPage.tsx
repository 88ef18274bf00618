import { Route, Routes } from 'react-router-dom';
import ProductForm from './products/ProductForm';
import ProductList from './products/ProductList';

/** /products (list), /products/new, /products/:id (edit). */
export default function ProductsPage() {
  return (
    <Routes>
      <Route index element={<ProductList />} />
      <Route path="new" element={<ProductForm />} />
      <Route path=":id" element={<ProductForm />} />
    </Routes>
  );
}
