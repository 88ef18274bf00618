import ComingSoon from '../components/ComingSoon';

export default function CategoriesPage() {
  return <ComingSoon title="分类管理" />;
}
